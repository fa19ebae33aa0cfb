; Istiqbal's additions to electron-builder's NSIS installer (electron-builder.yml: nsis.include).
;
; The uninstaller keeps the data folder (%APPDATA%\Istiqbal: the database, scans, printed PDFs, backups)
; unless the administrator ticks the box on its own page, which starts unticked. A silent uninstall and
; the uninstall an update runs never show the page, so they never remove anything.

; Per user, always: each reception PC's account installs its own copy under its own profile, without
; administrator rights, so the page asking "for me or for everyone" is skipped.
!macro customInstallMode
  StrCpy $isForceCurrentInstall "1"
!macroend

!macro customUnInstall
  ; "Start with Windows" (the settings screen) is a value under Run named Istiqbal (electron/main/start-with-system.ts):
  ; a program that is gone must not be started at sign-in.
  ${ifNot} ${isUpdated}
    DeleteRegValue HKCU "Software\Microsoft\Windows\CurrentVersion\Run" "Istiqbal"
  ${endIf}
  ${if} $istiqbalRemoveData == "1"
  ${andIfNot} ${isUpdated}
    SetShellVarContext current
    RMDir /r "$APPDATA\Istiqbal"
  ${endIf}
!macroend

!ifdef BUILD_UNINSTALLER
  !include nsDialogs.nsh
  !include LogicLib.nsh

  Var istiqbalRemoveData
  Var istiqbalRemoveDataBox

  !macro customUnWelcomePage
    !insertmacro MUI_UNPAGE_WELCOME
    UninstPage custom un.istiqbalDataPage un.istiqbalDataPageLeave
  !macroend

  Function un.istiqbalDataPage
    StrCpy $istiqbalRemoveData "0"
    !insertmacro MUI_HEADER_TEXT "بيانات استقبال" "قاعدة البيانات والمرفقات والنسخ الاحتياطية"
    nsDialogs::Create 1018
    Pop $0
    ${NSD_CreateLabel} 0 0 100% 48u "تبقى بيانات استقبال في هذا الجهاز بعد إزالة البرنامج، فإذا ثُبّت من جديد وجدها كما هي.$\r$\n$\r$\nمجلد البيانات: $APPDATA\Istiqbal"
    Pop $0
    ${NSD_CreateCheckbox} 0 60u 100% 24u "احذف مجلد البيانات أيضاً (لا يمكن استرجاعه بعد الحذف إلا من نسخة احتياطية خارج هذا المجلد)"
    Pop $istiqbalRemoveDataBox
    ${NSD_Uncheck} $istiqbalRemoveDataBox
    nsDialogs::Show
  FunctionEnd

  Function un.istiqbalDataPageLeave
    ${NSD_GetState} $istiqbalRemoveDataBox $0
    ${if} $0 == ${BST_CHECKED}
      StrCpy $istiqbalRemoveData "1"
    ${else}
      StrCpy $istiqbalRemoveData "0"
    ${endIf}
  FunctionEnd
!endif
