import { addDays, businessDay } from '@shared/dates/calendar';
import type { Channel } from '@shared/domain/channels';
import type { SignedInUser } from '../context';
import type { Db } from '../store/store';
import type { DemoDesk } from './demo-desk';

/** Who plays which part in the demo's past weeks. */
export interface DemoStaff {
  reception1: SignedInUser;
  reception2: SignedInUser;
  researcher: SignedInUser;
  supervisor: SignedInUser;
}

type Documents = 'none' | 'some' | 'expired' | 'all';

/** One request's story, in days before "now" (0 = today). */
interface RequestPlan {
  service: string;
  channel: Channel;
  opened: number;
  description: string;
  requestedAmount?: number;
  documents: Documents;
  signed?: boolean;
  submitted?: boolean;
  decided?: { days: number } & ({ accepted: { amount?: number; aid: string } } | { rejected: string });
  registered?: number;
  delivered?: { days: number; description: string; amount?: number };
  closed?: number;
  referral?: { days: number; by: 'desk' | 'committee'; question: string; answer?: { days: number; note: string } };
  /** Opened from today's visitor being served at the desk (C1). */
  fromTodaysVisit?: boolean;
}

/**
 * Support requests in every state for the committee, referral and overdue screens to train on,
 * oldest first. With the default committee period of 14 days, the requests submitted 25 and 17 days
 * ago are overdue; the one submitted 5 days ago waits on an open referral to the researcher.
 */
const PLANS: RequestPlan[] = [
  {
    service: 'financial_aid', channel: 'interview', opened: 45, documents: 'all', signed: true, submitted: true,
    description: 'أسرة من ستة أفراد توفي عائلها، وتطلب مساعدة لسداد ديون متراكمة.', requestedAmount: 2000,
    referral: { days: 44, by: 'committee', question: 'نرجو التحقق من عدد أفراد الأسرة المقيمين مع المتقدم.', answer: { days: 41, note: 'زرت الأسرة: ستة أفراد يقيمون في شقة مستأجرة، والبيانات مطابقة.' } },
    decided: { days: 38, accepted: { amount: 1500, aid: 'مساعدة مالية لمرة واحدة' } },
    registered: 37, delivered: { days: 35, description: 'صُرفت المساعدة المالية بتحويل بنكي.', amount: 1500 }, closed: 35,
  },
  {
    service: 'education', channel: 'website', opened: 33, documents: 'all', signed: true, submitted: true,
    description: 'رسوم دراسية لابنة المتقدم في جامعة أهلية.', requestedAmount: 9000,
    decided: { days: 26, rejected: 'الدخل الشهري للأسرة أعلى من حد الاستحقاق في لائحة الدعم.' },
  },
  {
    service: 'food_basket', channel: 'interview', opened: 30, documents: 'all', signed: true, submitted: true,
    description: 'أسرة محدودة الدخل تطلب سلة غذائية شهرية.',
    decided: { days: 24, accepted: { aid: 'سلة غذائية شهرية لثلاثة أشهر' } },
    registered: 23, delivered: { days: 21, description: 'سُلّمت السلة الغذائية الأولى للمستفيدة.' }, closed: 21,
  },
  {
    service: 'rent', channel: 'interview', opened: 28, documents: 'all', signed: true, submitted: true,
    description: 'متأخرات إيجار ثلاثة أشهر وإنذار من المؤجر.', requestedAmount: 7500,
    decided: { days: 20, accepted: { amount: 6000, aid: 'سداد جزء من متأخرات الإيجار' } },
    registered: 19, delivered: { days: 10, description: 'سُدد مبلغ الإيجار للمؤجر مباشرة.', amount: 6000 },
  },
  {
    service: 'rent', channel: 'branch_delegate', opened: 25, documents: 'all', signed: true, submitted: true,
    description: 'إيجار نصف سنوي مستحق، والأسرة بلا دخل ثابت.', requestedAmount: 9000,
  },
  {
    service: 'bills', channel: 'phone', opened: 24, documents: 'all', signed: true, submitted: true,
    description: 'فاتورة كهرباء متأخرة مهددة بفصل الخدمة.', requestedAmount: 1200,
    decided: { days: 15, accepted: { amount: 1200, aid: 'سداد فاتورة الكهرباء' } },
    registered: 14,
  },
  {
    service: 'medical', channel: 'interview', opened: 20, documents: 'all', signed: true, submitted: true,
    description: 'جلسات علاج طبيعي لطفل بعد عملية جراحية.', requestedAmount: 4000,
    decided: { days: 6, accepted: { amount: 3000, aid: 'مساعدة في تكاليف العلاج الطبيعي' } },
  },
  {
    service: 'financial_aid', channel: 'letters', opened: 18, documents: 'all', signed: true, submitted: true,
    description: 'مساعدة مالية عاجلة لسداد قسط متأخر.', requestedAmount: 2500,
    decided: { days: 5, rejected: 'صُرفت للأسرة مساعدة مالية قبل أقل من ستة أشهر، ويُعاد النظر بعد انقضائها.' },
  },
  {
    service: 'financial_aid', channel: 'interview', opened: 17, documents: 'all', signed: true, submitted: true,
    description: 'شراء أجهزة منزلية أساسية بعد انتقال الأسرة إلى سكن جديد.', requestedAmount: 3000,
  },
  {
    service: 'seasonal', channel: 'social_media', opened: 9, documents: 'all', signed: true, submitted: true,
    description: 'كسوة العيد لأربعة أطفال.', requestedAmount: 1600,
  },
  {
    service: 'orphans', channel: 'interview', opened: 5, documents: 'all', signed: true, submitted: true,
    description: 'كفالة ثلاثة أيتام بعد وفاة والدهم.',
    referral: { days: 3, by: 'committee', question: 'قبل قرار اللجنة: نرجو زيارة منزلية للتحقق من عدد الأيتام وظروف السكن.' },
  },
  {
    service: 'rent', channel: 'interview', opened: 6, documents: 'expired',
    description: 'تجديد عقد الإيجار السنوي.', requestedAmount: 12000,
  },
  {
    service: 'financial_aid', channel: 'interview', opened: 4, documents: 'some',
    description: 'مساعدة مالية لسداد قرض شخصي.', requestedAmount: 5000,
  },
  {
    service: 'food_basket', channel: 'interview', opened: 2, documents: 'all', signed: true, submitted: true,
    description: 'سلة غذائية لأسرة أرملة وأطفالها.',
  },
  {
    service: 'medical', channel: 'interview', opened: 1, documents: 'all',
    description: 'أدوية شهرية لمريض سكري لا يغطيها التأمين.', requestedAmount: 800,
  },
  {
    service: 'education', channel: 'phone', opened: 1, documents: 'none',
    description: 'مستلزمات مدرسية لثلاثة أطفال.',
  },
  {
    service: 'food_basket', channel: 'interview', opened: 0, documents: 'none', fromTodaysVisit: true,
    description: 'سلة غذائية، والمراجع يحضر مستنداته غداً.',
  },
];

interface Step {
  at: Date;
  run: () => Promise<unknown>;
}

const DAY = 86_400_000;

/**
 * Plays PLANS through the real request handlers (demoDesk), each step at its own instant in the past
 * weeks, all steps of all requests in time order, so numbers, timelines and the audit trail read as a
 * real month at the association. Returns how many requests it opened.
 */
export async function seedDemoRequests(
  trx: Db,
  desk: DemoDesk,
  opts: { staff: DemoStaff; beneficiaryIds: number[]; todaysVisit: { id: number; beneficiaryId: number } | null; now: Date; timeZone: string },
): Promise<number> {
  const { staff, now, timeZone } = opts;
  const services = await trx.selectFrom('service_types').select(['id', 'code']).execute();
  const serviceId = new Map(services.map((s) => [s.code, s.id]));
  const required = await trx
    .selectFrom('service_required_documents as sr')
    .innerJoin('document_types as d', 'd.id', 'sr.document_type_id')
    .select(['sr.service_type_id', 'd.id', 'd.has_expiry'])
    .orderBy('d.id')
    .execute();

  // Business hours, an hour and a half before now on the plan's day; steps of one visit minutes apart.
  const at = (days: number, minute = 0) => new Date(now.getTime() - days * DAY - 90 * 60_000 + minute * 60_000);
  const steps: Step[] = [];

  for (const [n, plan] of PLANS.entries()) {
    const service = serviceId.get(plan.service);
    if (!service) throw new Error(`demo: no service type ${plan.service}`);
    const fromVisit = plan.fromTodaysVisit && opts.todaysVisit ? opts.todaysVisit : null;
    const beneficiaryId = fromVisit?.beneficiaryId ?? opts.beneficiaryIds[(n * 6 + 1) % opts.beneficiaryIds.length]!;
    const clerk = n % 2 ? staff.reception2 : staff.reception1;
    // Set by the opening step, which runs before every other step of this request (it is the earliest).
    let requestId = 0;

    steps.push({
      at: at(plan.opened),
      run: async () => {
        const view = await desk.run('requests.open', clerk, at(plan.opened), {
          beneficiaryId,
          serviceTypeId: service,
          channel: plan.channel,
          visitId: fromVisit?.id,
          description: plan.description,
          requestedAmount: plan.requestedAmount,
        });
        requestId = view.id;
      },
    });

    const docs = required.filter((d) => d.service_type_id === service);
    const provided = plan.documents === 'none' ? [] : plan.documents === 'some' ? docs.slice(0, -1) : docs;
    const openDay = businessDay(at(plan.opened), timeZone);
    // The last document with an expiry date is the one that has run out ("expired" plans).
    const expiredDoc = plan.documents === 'expired' ? [...provided].reverse().find((d) => d.has_expiry) : undefined;
    for (const [i, doc] of provided.entries()) {
      const when = at(plan.opened, 2 + i);
      steps.push({
        at: when,
        run: () =>
          desk.run('requests.setDocument', clerk, when, {
            requestId,
            documentTypeId: doc.id,
            // A new request: each line is set once.
            version: 0,
            provided: true,
            issueDate: addDays(openDay, doc === expiredDoc ? -400 : -120 - 30 * i),
            expiryDate: doc.has_expiry ? addDays(openDay, doc === expiredDoc ? -35 : 600 + 30 * i) : null,
          }),
      });
    }
    if (plan.signed) {
      const when = at(plan.opened, 12);
      steps.push({ at: when, run: () => desk.run('requests.signDeclaration', clerk, when, { requestId }) });
    }
    if (plan.submitted) {
      const when = at(plan.opened, 15);
      steps.push({ at: when, run: () => desk.run('requests.submit', clerk, when, { requestId }) });
    }
    if (plan.referral) {
      const { referral } = plan;
      const when = at(referral.days, 30);
      const by = referral.by === 'committee' ? staff.supervisor : clerk;
      steps.push({
        at: when,
        run: () => desk.run('requests.refer', by, when, { requestId, researcherId: staff.researcher.id, question: referral.question }),
      });
      if (referral.answer) {
        const answered = at(referral.answer.days, 45);
        const note = referral.answer.note;
        steps.push({
          at: answered,
          run: () => desk.run('requests.addNote', staff.researcher, answered, { requestId, note, answersReferral: true }),
        });
      }
    }
    if (plan.decided) {
      const { decided } = plan;
      const when = at(decided.days, 60);
      const input =
        'accepted' in decided
          ? { outcome: 'accepted' as const, approvedAmount: decided.accepted.amount, aidDescription: decided.accepted.aid }
          : { outcome: 'rejected' as const, reason: decided.rejected };
      steps.push({ at: when, run: () => desk.run('requests.decide', staff.supervisor, when, { requestId, ...input }) });
    }
    if (plan.registered !== undefined) {
      const when = at(plan.registered, 20);
      steps.push({ at: when, run: () => desk.run('requests.register', clerk, when, { requestId }) });
    }
    if (plan.delivered) {
      const { delivered } = plan;
      const when = at(delivered.days, 40);
      steps.push({
        at: when,
        run: () =>
          desk.run('requests.deliver', clerk, when, {
            requestId,
            description: delivered.description,
            amount: delivered.amount,
            deliveredOn: businessDay(when, timeZone),
          }),
      });
    }
    if (plan.closed !== undefined) {
      const when = at(plan.closed, 50);
      steps.push({ at: when, run: () => desk.run('requests.close', clerk, when, { requestId }) });
    }
  }

  // Stable sort: steps at the same instant keep their order within a request.
  steps.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const step of steps) await step.run();
  return PLANS.length;
}
