/** The store's file name inside the data folder. */
export const STORE_FILE_NAME = 'istiqbal.sqlite3';
