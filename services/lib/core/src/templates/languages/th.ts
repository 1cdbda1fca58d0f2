import type { LanguagePack } from "../language-pack.ts";

// Translation drafted without a certified translator: it needs review by one before production.
export const th: LanguagePack = {
  locale: "th-TH-u-ca-gregory",
  reviewed: false,
  notices: {
    handed_to_usps: { subject: "บัตรเลือกตั้งของคุณถูกส่งแล้ว", body: "บัตรเลือกตั้งของคุณส่งถึง USPS แล้ว" },
    expected_delivery: { subject: "บัตรเลือกตั้งใกล้ถึงแล้ว", body: "USPS คาดว่าจะส่งบัตรถึงคุณวันที่ {expectedDate}" },
    delivered: { subject: "บัตรเลือกตั้งส่งถึงแล้ว", body: "USPS ส่งบัตรเลือกตั้งถึงคุณแล้ว" },
    undeliverable: {
      subject: "ส่งบัตรเลือกตั้งไม่ได้",
      body: "USPS ส่งบัตรเลือกตั้งไม่ได้ โทร {countyPhone} เพื่อขอบัตรใหม่",
    },
    back_in_mail: { subject: "บัตรเลือกตั้งกำลังส่งกลับ", body: "บัตรที่คุณส่งกลับกำลังไปยังเคาน์ตี้" },
    received: { subject: "ได้รับบัตรเลือกตั้งแล้ว", body: "เคาน์ตี้ได้รับบัตรเลือกตั้งของคุณแล้ว" },
    not_counted_cure: {
      subject: "ต้องดำเนินการ: บัตรของคุณยังไม่ถูกนับ",
      body: "บัตรของคุณไม่ถูกนับ: {reason} ลงนามและส่งแบบฟอร์มแก้ไขภายใน {deadline}",
      sms: "บัตรไม่ถูกนับ: {reason} แก้ไขภายใน {deadline}:",
    },
    not_counted_other: {
      subject: "บัตรของคุณไม่ถูกนับ",
      body: "บัตรของคุณไม่ถูกนับ: {reason} โทร {countyPhone} เพื่อสอบถาม",
    },
    cured: { subject: "แก้ไขปัญหาบัตรแล้ว", body: "ขอบคุณ ปัญหาลายเซ็นของคุณได้รับการแก้ไขแล้ว" },
    counted: { subject: "บัตรของคุณถูกนับแล้ว", body: "บัตรของคุณถูกนับแล้ว ขอบคุณที่ไปใช้สิทธิ์" },
    return_deadline_reminder: {
      subject: "เตือน: ส่งบัตรเลือกตั้งคืน",
      body: "เตือน: ส่งบัตรเลือกตั้งคืนภายใน {deadline} ทางไปรษณีย์หรือตู้รับบัตร",
      sms: "เตือน: ส่งบัตรคืนภายใน {deadline}",
    },
    cure_deadline_reminder: {
      subject: "เตือน: แก้ไขบัตรของคุณ",
      body: "เตือน: ลงนามและส่งแบบฟอร์มแก้ไขภายใน {deadline} เพื่อให้บัตรถูกนับ",
      sms: "เตือน: แก้ไขบัตรภายใน {deadline}:",
    },
    lost_suspected: {
      subject: "บัตรเลือกตั้งอาจสูญหาย",
      body: "บัตรของคุณไม่เคลื่อนไหวในระบบไปรษณีย์หลายวัน หากไม่ได้รับ โทร {countyPhone}",
      sms: "บัตรไม่เคลื่อนไหวหลายวัน โทร {countyPhone}",
    },
    correction: {
      subject: "แก้ไขสถานะบัตร",
      body: "แก้ไข: ข้อความก่อนหน้าไม่ถูกต้อง สถานะบัตรตอนนี้: {status}",
      sms: "แก้ไข: สถานะบัตรตอนนี้: {status}",
    },
    retraction: {
      subject: "โปรดละเว้นข้อความก่อนหน้าของเรา",
      body: "ข้อความก่อนหน้าเกี่ยวกับบัตรเลือกตั้งของคุณถูกส่งโดยผิดพลาด โปรดละเว้นข้อความนั้น",
      sms: "ข้อความก่อนหน้าส่งผิดพลาด โปรดละเว้น",
    },
  },
  service: {
    sms_confirm_request: {
      subject: "ยืนยันการรับข้อความ",
      body: "{smsName}: ตอบ YES เพื่อรับข้อความเรื่องบัตร STOP เพื่อหยุด HELP ขอความช่วยเหลือ",
    },
    sms_confirmed: { subject: "เปิดรับข้อความแล้ว", body: "{smsName}: คุณจะได้รับข้อความเรื่องบัตร ตอบ STOP เพื่อหยุด" },
    email_confirm: {
      subject: "ยืนยันการแจ้งเตือนบัตรเลือกตั้ง",
      body: "โปรดยืนยันว่าคุณต้องการรับการแจ้งเตือนจาก {countyName} ที่อีเมลนี้: {confirmUrl}",
    },
    contact_changed: {
      subject: "ช่องทางติดต่อของคุณเปลี่ยนแล้ว",
      body: "การแจ้งเตือนจาก {countyName} จะส่งไปยังช่องทางใหม่ หากไม่ใช่คุณ โทร {countyPhone}",
    },
    stop_ack: { subject: "หยุดข้อความแล้ว", body: "{smsName}: จะไม่มีข้อความอีก ตอบ START เพื่อรับต่อ" },
    start_ack: { subject: "รับข้อความอีกครั้ง", body: "{smsName}: เปิดรับข้อความอีกครั้ง ตอบ STOP เพื่อหยุด" },
    help: { subject: "ช่วยเหลือ", body: "{smsName}: แจ้งเตือนบัตร โทร {countyPhone} ตอบ STOP เพื่อหยุด" },
    status_reply: { subject: "สถานะบัตร", body: "{smsName}: บัตรของคุณ: {status} {trackUrl}" },
    not_subscribed: { subject: "ยังไม่ได้สมัคร", body: "{smsName}: หมายเลขนี้ไม่ได้รับแจ้งเตือน สมัคร: {trackUrl}" },
  },
  broadcasts: {
    deadline_reminder: {
      subject: "แจ้งเตือน: ส่งบัตรเลือกตั้งคืนภายใน {deadline}",
      body: "แจ้งเตือน: โปรดส่งบัตรเลือกตั้งคืนภายใน {deadline} ทางไปรษณีย์ หรือหย่อนในตู้รับบัตร",
      sms: "แจ้งเตือน: ส่งบัตรคืนภายใน {deadline}",
    },
    polling_place_change: {
      subject: "สถานที่เลือกตั้งของคุณเปลี่ยนแล้ว",
      body: "สถานที่เลือกตั้งด้วยตนเองของคุณเปลี่ยนแล้ว โปรดไปเลือกตั้งที่ {placeName} {placeAddress}",
      sms: "ที่เลือกตั้งใหม่: {placeName} {placeAddress}",
    },
  },
  reasons: {
    signature_mismatch: "ลายเซ็นไม่ตรงกัน",
    signature_missing: "ไม่มีลายเซ็น",
    other: "ซองมีปัญหา",
  },
  statuses: {
    issued: "ออกบัตรแล้ว ยังไม่ส่ง",
    mailed: "ส่งถึงคุณแล้ว",
    in_transit: "กำลังส่งถึงคุณ",
    out_for_delivery: "กำลังนำจ่าย",
    delivered: "ส่งถึงแล้ว",
    undeliverable: "ส่งไม่ได้",
    returned_by_voter: "กำลังส่งกลับเคาน์ตี้",
    received: "เคาน์ตี้ได้รับแล้ว",
    rejected: "ไม่ถูกนับ",
    cure_pending: "รอแบบฟอร์มลายเซ็น",
    cured: "แก้ไขลายเซ็นแล้ว",
    accepted: "ยอมรับแล้ว",
    counted: "นับแล้ว",
    superseded: "ถูกแทนด้วยบัตรใหม่",
  },
  frame: {
    smsStop: "STOP เพื่อหยุด",
    emailGreeting: "สวัสดี",
    trackLine: "ติดตามบัตรของคุณ: {trackUrl}",
    cureLine: "แบบฟอร์มแก้ไข: {cureUrl}",
    helpLine: "มีคำถาม? โทรหาสำนักงานเลือกตั้ง {countyName} ที่ {countyPhone}",
    unsubscribeLine: "ยกเลิกการรับ: {unsubscribeUrl}",
    voiceIntro: "นี่คือสำนักงานเลือกตั้ง {countyName} แจ้งข่าวเรื่องบัตรเลือกตั้งของคุณ",
    voiceOutro: "หากต้องการความช่วยเหลือ โทร {countyPhone} ขอบคุณ",
  },
};
