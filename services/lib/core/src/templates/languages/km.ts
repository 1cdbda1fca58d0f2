import type { LanguagePack } from "../language-pack.ts";

// Translation drafted without a certified translator: it needs review by one before production.
export const km: LanguagePack = {
  locale: "km-KH",
  reviewed: false,
  notices: {
    handed_to_usps: { subject: "សន្លឹកឆ្នោតរបស់អ្នកកំពុងផ្ញើ", body: "សន្លឹកឆ្នោតរបស់អ្នកបានប្រគល់ឱ្យ USPS។" },
    expected_delivery: { subject: "សន្លឹកឆ្នោតនឹងមកដល់", body: "USPS នឹងដឹកជញ្ជូននៅ {expectedDate}។" },
    delivered: { subject: "សន្លឹកឆ្នោតបានមកដល់", body: "USPS បានដឹកសន្លឹកឆ្នោតដល់អ្នក។" },
    undeliverable: {
      subject: "មិនអាចដឹកសន្លឹកឆ្នោតបាន",
      body: "USPS មិនអាចដឹកសន្លឹកឆ្នោតបានទេ។ ហៅ {countyPhone}។",
    },
    back_in_mail: { subject: "សន្លឹកឆ្នោតកំពុងត្រឡប់", body: "សន្លឹកឆ្នោតកំពុងផ្ញើទៅខោនធី។" },
    received: { subject: "បានទទួលសន្លឹកឆ្នោត", body: "ខោនធីបានទទួលសន្លឹកឆ្នោត។" },
    not_counted_cure: {
      subject: "ត្រូវការសកម្មភាព៖ សន្លឹកឆ្នោតមិនទាន់រាប់",
      body: "មិនបានរាប់៖ {reason}។ ចុះហត្ថលេខាលើទម្រង់មុន {deadline}។",
      sms: "មិនរាប់៖ {reason}។ មុន {deadline}៖",
    },
    not_counted_other: {
      subject: "សន្លឹកឆ្នោតមិនត្រូវបានរាប់",
      body: "មិនបានរាប់៖ {reason}។ ហៅ {countyPhone}។",
    },
    cured: { subject: "បញ្ហាត្រូវបានដោះស្រាយ", body: "អរគុណ។ បញ្ហាហត្ថលេខាត្រូវបានដោះស្រាយ។" },
    counted: { subject: "សន្លឹកឆ្នោតត្រូវបានរាប់", body: "សន្លឹកឆ្នោតត្រូវបានរាប់។ អរគុណ។" },
    return_deadline_reminder: {
      subject: "រំលឹក៖ ផ្ញើសន្លឹកឆ្នោតមកវិញ",
      body: "រំលឹក៖ ផ្ញើសន្លឹកឆ្នោតមុន {deadline}។",
    },
    cure_deadline_reminder: {
      subject: "រំលឹក៖ កែសន្លឹកឆ្នោត",
      body: "រំលឹក៖ ចុះហត្ថលេខាលើទម្រង់មុន {deadline}។",
      sms: "រំលឹក៖ មុន {deadline}៖",
    },
    lost_suspected: {
      subject: "សន្លឹកឆ្នោតអាចបាត់",
      body: "សន្លឹកឆ្នោតមិនផ្លាស់ទីច្រើនថ្ងៃ។ ហៅ {countyPhone}។",
    },
    correction: {
      subject: "ការកែតម្រូវស្ថានភាព",
      body: "កែតម្រូវ៖ ស្ថានភាពឥឡូវ៖ {status}។",
    },
    retraction: {
      subject: "សូមមិនអើពើសារមុនរបស់យើង",
      body: "សារមុនរបស់យើងអំពីសន្លឹកឆ្នោតរបស់អ្នកត្រូវបានផ្ញើដោយច្រឡំ។ សូមមិនអើពើវា។",
      sms: "សារមុនផ្ញើដោយច្រឡំ។ សូមមិនអើពើ។",
    },
  },
  service: {
    sms_confirm_request: {
      subject: "បញ្ជាក់សារ",
      body: "{smsName}៖ ឆ្លើយ YES ដើម្បីទទួលសារ។ STOP ដើម្បីឈប់។ HELP ជំនួយ។",
    },
    sms_confirmed: { subject: "សារបានបើក", body: "{smsName}៖ អ្នកនឹងទទួលសារ។ STOP ដើម្បីឈប់។" },
    email_confirm: {
      subject: "បញ្ជាក់ការជូនដំណឹង",
      body: "សូមបញ្ជាក់ថាអ្នកចង់ទទួលការជូនដំណឹងពី {countyName} នៅអាសយដ្ឋាននេះ៖ {confirmUrl}",
    },
    contact_changed: {
      subject: "ទំនាក់ទំនងបានផ្លាស់ប្តូរ",
      body: "ការជូនដំណឹងពី {countyName} ទៅទំនាក់ទំនងថ្មី។ មិនមែនអ្នក? ហៅ {countyPhone}។",
    },
    stop_ack: { subject: "ឈប់សារ", body: "{smsName}៖ គ្មានសារទៀតទេ។ START ដើម្បីបន្ត។" },
    start_ack: { subject: "បន្តសារ", body: "{smsName}៖ សារបានបន្ត។ STOP ដើម្បីឈប់។" },
    help: { subject: "ជំនួយ", body: "{smsName}៖ ហៅ {countyPhone}។ STOP ដើម្បីឈប់។" },
    status_reply: { subject: "ស្ថានភាព", body: "{smsName}៖ {status}។ {trackUrl}" },
    not_subscribed: { subject: "មិនបានចុះឈ្មោះ", body: "{smsName}៖ ចុះឈ្មោះ៖ {trackUrl}" },
  },
  broadcasts: {
    deadline_reminder: {
      subject: "ការរំលឹក៖ សូមប្រគល់សន្លឹកឆ្នោតត្រឹម {deadline}",
      body: "ការរំលឹក៖ សូមប្រគល់សន្លឹកឆ្នោតរបស់អ្នកត្រឹម {deadline}។ ផ្ញើតាមប្រៃសណីយ៍ ឬដាក់ក្នុងប្រអប់ទម្លាក់។",
      sms: "រំលឹក៖ ប្រគល់សន្លឹកឆ្នោតត្រឹម {deadline}។",
    },
    polling_place_change: {
      subject: "កន្លែងបោះឆ្នោតរបស់អ្នកបានផ្លាស់ប្តូរ",
      body: "កន្លែងបោះឆ្នោតផ្ទាល់របស់អ្នកបានផ្លាស់ប្តូរ។ សូមបោះឆ្នោតនៅ {placeName}, {placeAddress}។",
      sms: "កន្លែងបោះឆ្នោតថ្មី៖ {placeName}, {placeAddress}",
    },
  },
  reasons: {
    signature_mismatch: "ហត្ថលេខាមិនត្រូវគ្នា",
    signature_missing: "គ្មានហត្ថលេខា",
    other: "បញ្ហាស្រោមសំបុត្រ",
  },
  statuses: {
    issued: "បានចេញ",
    mailed: "បានផ្ញើ",
    in_transit: "កំពុងដឹក",
    out_for_delivery: "កំពុងចែកចាយ",
    delivered: "បានដល់",
    undeliverable: "មិនអាចដឹកបាន",
    returned_by_voter: "កំពុងត្រឡប់ទៅខោនធី",
    received: "ខោនធីបានទទួល",
    rejected: "មិនបានរាប់",
    cure_pending: "រង់ចាំទម្រង់ហត្ថលេខា",
    cured: "បានដោះស្រាយ",
    accepted: "បានទទួលយក",
    counted: "បានរាប់",
    superseded: "បានជំនួស",
  },
  frame: {
    smsStop: "STOP ឈប់",
    emailGreeting: "សួស្តី",
    trackLine: "តាមដានសន្លឹកឆ្នោត៖ {trackUrl}",
    cureLine: "ទម្រង់កែតម្រូវ៖ {cureUrl}",
    helpLine: "សំណួរ? ហៅការិយាល័យបោះឆ្នោត {countyName} តាមលេខ {countyPhone}។",
    unsubscribeLine: "ឈប់ជាវ៖ {unsubscribeUrl}",
    voiceIntro: "នេះជាការិយាល័យបោះឆ្នោត {countyName}។",
    voiceOutro: "ហៅ {countyPhone}។",
    // Twilio has no Khmer voice: the call is in English, and says so first (in English, so it is understood as such).
    noVoiceNotice:
      "This message is in English because no Khmer voice is available. For help in Khmer, call {countyPhone}.",
  },
};
