import type { LanguagePack } from "../language-pack.ts";

// Translation drafted without a certified translator: it needs review by one before production.
export const ko: LanguagePack = {
  locale: "ko-KR",
  reviewed: false,
  notices: {
    handed_to_usps: { subject: "투표용지가 발송되었습니다", body: "투표용지가 미국 우체국(USPS)에 전달되었습니다." },
    expected_delivery: {
      subject: "투표용지가 곧 도착합니다",
      body: "USPS는 {expectedDate}에 투표용지를 배달할 예정입니다.",
    },
    delivered: { subject: "투표용지가 배달되었습니다", body: "USPS가 투표용지를 배달했습니다." },
    undeliverable: {
      subject: "투표용지를 배달하지 못했습니다",
      body: "USPS가 투표용지를 배달하지 못했습니다. 새 투표용지는 {countyPhone}로 전화하세요.",
    },
    back_in_mail: { subject: "투표용지가 반송 중입니다", body: "회신한 투표용지가 카운티로 우송 중입니다." },
    received: { subject: "투표용지가 접수되었습니다", body: "카운티가 투표용지를 접수했습니다." },
    not_counted_cure: {
      subject: "조치 필요: 투표가 아직 집계되지 않았습니다",
      body: "투표가 집계되지 않았습니다: {reason}. {deadline}까지 보정 양식에 서명해 보내 주세요.",
    },
    not_counted_other: {
      subject: "투표가 집계되지 않았습니다",
      body: "투표가 집계되지 않았습니다: {reason}. {countyPhone}로 전화해 방법을 알아보세요.",
    },
    cured: { subject: "투표용지 문제가 해결되었습니다", body: "감사합니다. 서명 문제가 해결되었습니다." },
    counted: { subject: "투표가 집계되었습니다", body: "투표가 집계되었습니다. 투표해 주셔서 감사합니다." },
    return_deadline_reminder: {
      subject: "알림: 투표용지를 회신하세요",
      body: "알림: {deadline}까지 우편이나 투표함으로 투표용지를 회신하세요.",
    },
    cure_deadline_reminder: {
      subject: "알림: 투표용지를 보정하세요",
      body: "알림: 투표가 집계되도록 {deadline}까지 보정 양식에 서명해 보내 주세요.",
    },
    lost_suspected: {
      subject: "투표용지가 분실되었을 수 있습니다",
      body: "투표용지가 며칠째 우편에서 움직이지 않았습니다. 도착하지 않으면 {countyPhone}로 전화하세요.",
      sms: "투표용지가 며칠째 움직이지 않습니다. {countyPhone}로 전화하세요.",
    },
    correction: {
      subject: "투표 상태 정정",
      body: "정정: 이전 메시지가 잘못되었습니다. 현재 투표 상태: {status}.",
    },
    retraction: {
      subject: "투표용지 관련 지난 메시지를 무시해 주세요",
      body: "투표용지에 관한 지난 메시지는 잘못 발송되었습니다. 무시해 주세요.",
      sms: "지난 메시지는 잘못 발송되었습니다. 무시해 주세요.",
    },
  },
  service: {
    sms_confirm_request: {
      subject: "문자 수신 확인",
      body: "{smsName}: 투표용지 문자를 받으려면 YES로 답장하세요. 중지 STOP, 도움말 HELP.",
    },
    sms_confirmed: { subject: "문자 수신 시작", body: "{smsName}: 투표용지 문자를 보내드립니다. 중지는 STOP." },
    email_confirm: {
      subject: "투표용지 알림 확인",
      body: "이 주소로 {countyName}의 투표용지 알림을 받으려면 확인해 주세요: {confirmUrl}",
    },
    contact_changed: {
      subject: "연락처가 변경되었습니다",
      body: "{countyName}의 투표용지 알림이 새 연락처로 전송됩니다. 본인이 아니면 {countyPhone}로 전화하세요.",
    },
    stop_ack: { subject: "문자 중지", body: "{smsName}: 더 이상 문자를 보내지 않습니다. 재개는 START." },
    start_ack: { subject: "문자 재개", body: "{smsName}: 투표용지 문자가 재개되었습니다. 중지는 STOP." },
    help: { subject: "도움말", body: "{smsName}: 투표용지 알림. {countyPhone}로 전화하세요. 중지는 STOP." },
    status_reply: { subject: "투표용지 상태", body: "{smsName}: 투표용지: {status}. {trackUrl}" },
    not_subscribed: { subject: "미등록", body: "{smsName}: 이 번호는 알림을 받지 않습니다. 등록: {trackUrl}" },
  },
  broadcasts: {
    deadline_reminder: {
      subject: "알림: {deadline}까지 투표용지를 반송하세요",
      body: "알림: {deadline}까지 투표용지를 반송하세요. 그날까지 소인이 찍히도록 우편으로 보내거나 투표함에 넣으세요.",
      sms: "알림: {deadline}까지 투표용지를 반송하세요.",
    },
    polling_place_change: {
      subject: "투표 장소가 변경되었습니다",
      body: "대면 투표 장소가 변경되었습니다. {placeName}, {placeAddress}에서 투표하세요.",
      sms: "새 투표 장소: {placeName}, {placeAddress}",
    },
  },
  reasons: {
    signature_mismatch: "서명이 일치하지 않음",
    signature_missing: "서명 누락",
    other: "봉투 문제",
  },
  statuses: {
    issued: "발급됨, 미발송",
    mailed: "발송됨",
    in_transit: "배송 중",
    out_for_delivery: "배달 중",
    delivered: "배달됨",
    undeliverable: "배달 불가",
    returned_by_voter: "카운티로 반송 중",
    received: "카운티 접수",
    rejected: "집계 안 됨",
    cure_pending: "서명 양식 대기 중",
    cured: "서명 문제 해결",
    accepted: "승인됨",
    counted: "집계됨",
    superseded: "새 투표용지로 대체",
  },
  frame: {
    smsStop: "중지 STOP",
    emailGreeting: "안녕하세요.",
    trackLine: "투표용지 추적: {trackUrl}",
    cureLine: "보정 양식: {cureUrl}",
    helpLine: "문의: {countyName} 선거 사무소 {countyPhone}",
    unsubscribeLine: "수신 거부: {unsubscribeUrl}",
    voiceIntro: "{countyName} 선거 사무소에서 투표용지 소식을 알려 드립니다.",
    voiceOutro: "도움이 필요하시면 {countyPhone}로 전화하세요. 감사합니다.",
  },
};
