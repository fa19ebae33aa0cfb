import type { Channel } from '../domain/channels';
import type { IdType } from '../domain/identity';
import type { Role } from '../domain/roles';
import type { VisitOutcome, VisitReason, VisitState, QueueGroup } from '../domain/visit';
import type { ErrorCode } from '../errors';

/**
 * The one catalogue of Arabic text. Every label the user reads — in the renderer, in error
 * messages from the core, later in documents — comes from here, so an English catalogue can follow.
 */
export const ar = {
  appName: 'استقبال',
  roles: {
    receptionist: 'موظف استقبال',
    researcher: 'باحث اجتماعي',
    supervisor: 'مشرف',
    admin: 'مدير النظام',
  } satisfies Record<Role, string>,
  visitStates: {
    waiting: 'في الانتظار',
    serving: 'قيد الخدمة',
    referred: 'محال للباحث',
    done: 'انتهت',
    left: 'غادر',
    cancelled: 'أُلغيت',
  } satisfies Record<VisitState, string>,
  queueGroups: {
    waiting: 'في الانتظار',
    serving: 'قيد الخدمة',
    referred: 'محالون للباحث الاجتماعي',
    done: 'انتهت خدمتهم',
    closed: 'غادروا / أُلغيت',
  } satisfies Record<QueueGroup, string>,
  reasons: {
    inquiry: 'استفسار',
    new_request: 'طلب دعم جديد',
    follow_up: 'متابعة طلب',
    missing_documents: 'استكمال مستندات',
    receive_aid: 'استلام مساعدة',
    complaint: 'شكوى / اقتراح',
    volunteering: 'تطوع',
    other: 'أخرى',
  } satisfies Record<VisitReason, string>,
  channels: {
    interview: 'المقابلة',
    phone: 'الاتصالات الهاتفية',
    social_media: 'وسائل التواصل الاجتماعي',
    letters: 'الخطابات',
    help_request: 'خدمات طلب المساعدة',
    volunteering: 'خدمة التطوع',
    website: 'موقع الجمعية',
    branch_delegate: 'مندوبو المكاتب الفرعية',
  } satisfies Record<Channel, string>,
  outcomes: {
    answered: 'أُجيب عن الاستفسار',
    request_opened: 'فُتح طلب دعم',
    documents_received: 'استُلمت المستندات',
    aid_delivered: 'سُلّمت المساعدة',
    complaint_recorded: 'سُجّلت الشكوى / الاقتراح',
    referred_elsewhere: 'وُجّه إلى جهة أخرى',
    other: 'أخرى',
  } satisfies Record<VisitOutcome, string>,
  idTypes: {
    national_id: 'هوية وطنية',
    iqama: 'إقامة',
    passport: 'جواز سفر',
    border_number: 'رقم حدود',
    other: 'أخرى',
  } satisfies Record<IdType, string>,
  errors: {
    validation: 'البيانات المدخلة غير صحيحة.',
    unauthenticated: 'يلزم تسجيل الدخول أولاً.',
    locked: 'الجلسة مقفلة، أدخل كلمة المرور للمتابعة.',
    forbidden: 'ليست لديك صلاحية لهذا الإجراء.',
    not_found: 'العنصر المطلوب غير موجود.',
    conflict: 'تعذّر تنفيذ الإجراء لأن البيانات تغيّرت.',
    unknown_operation: 'إجراء غير معروف.',
    internal: 'حدث خطأ غير متوقع، لم يُحفظ شيء. أعد المحاولة.',
    network: 'تعذّر الاتصال بالخادم المحلي.',
  } satisfies Record<ErrorCode, string>,
  messages: {
    nationalIdLength: 'رقم الهوية يجب أن يكون 10 أرقام.',
    nationalIdStart: 'رقم الهوية الوطنية يبدأ بـ 1، ورقم الإقامة يبدأ بـ 2.',
    nationalIdCheck: 'رقم الهوية غير صحيح (رقم التحقق لا يطابق). راجع الرقم.',
    idNumberFormat: 'رقم الوثيقة يجب أن يكون من 4 إلى 20 حرفاً أو رقماً.',
    mobileInvalid: 'رقم الجوال غير صحيح. اكتبه بصيغة سعودية مثل 05XXXXXXXX.',
    namePartRequired: 'هذا الجزء من الاسم مطلوب.',
    nameTooShort: 'الاسم قصير جداً.',
    fullNameTooShort: 'اكتب الاسم الثنائي على الأقل.',
    required: 'هذا الحقل مطلوب.',
    passwordTooShort: 'كلمة المرور يجب ألا تقل عن 8 أحرف.',
    usernameFormat: 'اسم المستخدم من 3 إلى 32 حرفاً إنجليزياً أو رقماً.',
    badCredentials: 'اسم المستخدم أو كلمة المرور غير صحيحة.',
    badPassword: 'كلمة المرور غير صحيحة.',
    userInactive: 'هذا الحساب موقوف. راجع مدير النظام.',
    setupDone: 'تم إعداد النظام مسبقاً.',
    usernameTaken: 'اسم المستخدم مستخدم من قبل.',
    idNumberTaken: 'رقم الهوية مسجّل لمستفيد آخر: {name}.',
    visitNotFound: 'الزيارة غير موجودة.',
    beneficiaryNotFound: 'المستفيد غير موجود.',
    visitTakenBy: 'هذه الزيارة أصبحت «{state}» بواسطة {by}، لم يتغير شيء.',
    visitWrongState: 'لا يمكن تنفيذ «{action}» على زيارة حالتها «{state}».',
    queueEmpty: 'لا يوجد مراجعون في الانتظار.',
    inquiryRequired: 'اكتب الاستفسار والإجابة عنه.',
    referNoteRequired: 'اكتب سبب الإحالة للباحث الاجتماعي.',
    notYourReferral: 'هذه الإحالة لباحث آخر.',
    deskRequired: 'اختر مكتب الاستقبال.',
    deskNotFound: 'المكتب غير موجود.',
    visitorNameOrFile: 'اختر مستفيداً أو اكتب اسم الزائر.',
    cannotDeactivateSelf: 'لا يمكنك إيقاف حسابك.',
    demoNeedsEmptyStore: 'تُضاف البيانات التجريبية إلى قاعدة بيانات جديدة فقط، وهذه فيها زيارات مسجلة.',
  },
  actions: {
    call: 'استدعاء',
    refer: 'إحالة للباحث',
    take: 'استلام الإحالة',
    finish: 'إنهاء',
    markLeft: 'غادر',
    cancel: 'إلغاء',
  },
} as const;

export type Labels = typeof ar;

/** Fills {placeholders} in a catalogue message. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
