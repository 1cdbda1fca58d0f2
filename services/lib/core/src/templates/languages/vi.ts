import type { LanguagePack } from "../language-pack.ts";

// Translation drafted without a certified translator: it needs review by one before production.
export const vi: LanguagePack = {
  locale: "vi-VN",
  reviewed: false,
  notices: {
    handed_to_usps: { subject: "Lá phiếu của bạn đã được gửi", body: "Lá phiếu của bạn đã được giao cho USPS." },
    expected_delivery: { subject: "Lá phiếu sắp đến", body: "USPS dự kiến giao lá phiếu vào {expectedDate}." },
    delivered: { subject: "Lá phiếu đã được giao", body: "USPS đã giao lá phiếu của bạn." },
    undeliverable: {
      subject: "Không giao được lá phiếu",
      body: "USPS không giao được lá phiếu của bạn. Gọi {countyPhone} để nhận phiếu mới.",
      sms: "USPS không giao được lá phiếu. Gọi {countyPhone}.",
    },
    back_in_mail: { subject: "Lá phiếu đang được gửi về", body: "Lá phiếu bạn gửi lại đang trên đường về quận." },
    received: { subject: "Đã nhận lá phiếu", body: "Quận đã nhận lá phiếu của bạn." },
    not_counted_cure: {
      subject: "Cần hành động: lá phiếu chưa được đếm",
      body: "Lá phiếu chưa được đếm: {reason}. Hãy ký và gửi lại mẫu sửa lỗi trước {deadline}.",
      sms: "Phiếu chưa được đếm: {reason}. Sửa trước {deadline}:",
    },
    not_counted_other: {
      subject: "Lá phiếu không được đếm",
      body: "Lá phiếu không được đếm: {reason}. Gọi {countyPhone} để biết cách xử lý.",
      sms: "Phiếu không được đếm: {reason}. Gọi {countyPhone}.",
    },
    cured: { subject: "Đã sửa lỗi lá phiếu", body: "Cảm ơn bạn. Lỗi chữ ký đã được sửa." },
    counted: { subject: "Lá phiếu đã được đếm", body: "Lá phiếu của bạn đã được đếm. Cảm ơn bạn đã bỏ phiếu." },
    return_deadline_reminder: {
      subject: "Nhắc nhở: gửi lại lá phiếu",
      body: "Nhắc nhở: gửi lại lá phiếu trước {deadline}, qua bưu điện hoặc thùng phiếu.",
      sms: "Nhắc nhở: gửi lại lá phiếu trước {deadline}.",
    },
    cure_deadline_reminder: {
      subject: "Nhắc nhở: sửa lỗi lá phiếu",
      body: "Nhắc nhở: ký và gửi lại mẫu sửa lỗi trước {deadline} để lá phiếu được đếm.",
      sms: "Nhắc nhở: sửa lỗi phiếu trước {deadline}:",
    },
    lost_suspected: {
      subject: "Lá phiếu có thể bị thất lạc",
      body: "Lá phiếu của bạn nhiều ngày không di chuyển trong bưu điện. Nếu không nhận được, gọi {countyPhone}.",
      sms: "Phiếu nhiều ngày không di chuyển. Gọi {countyPhone}.",
    },
    correction: {
      subject: "Đính chính trạng thái lá phiếu",
      body: "Đính chính: tin nhắn trước của chúng tôi bị sai. Trạng thái lá phiếu hiện tại: {status}.",
      sms: "Đính chính: phiếu hiện tại: {status}.",
    },
    retraction: {
      subject: "Xin bỏ qua tin nhắn trước về lá phiếu",
      body: "Tin nhắn trước của chúng tôi về lá phiếu của quý vị đã được gửi nhầm. Xin vui lòng bỏ qua.",
      sms: "Tin nhắn trước về lá phiếu đã gửi nhầm. Xin bỏ qua.",
    },
  },
  service: {
    sms_confirm_request: {
      subject: "Xác nhận tin nhắn",
      body: "{smsName}: Trả lời YES để nhận tin về lá phiếu. STOP để ngừng, HELP để được giúp.",
    },
    sms_confirmed: { subject: "Đã bật tin nhắn", body: "{smsName}: Bạn sẽ nhận tin về lá phiếu. STOP để ngừng." },
    email_confirm: {
      subject: "Xác nhận thông báo lá phiếu",
      body: "Vui lòng xác nhận bạn muốn nhận thông báo lá phiếu từ {countyName} tại địa chỉ này: {confirmUrl}",
    },
    contact_changed: {
      subject: "Thông tin liên lạc đã thay đổi",
      body: "Thông báo từ {countyName} sẽ gửi đến liên lạc mới. Không phải bạn? Gọi {countyPhone}.",
    },
    stop_ack: { subject: "Đã ngừng tin nhắn", body: "{smsName}: Bạn sẽ không nhận tin nữa. START để bật lại." },
    start_ack: { subject: "Đã bật lại tin nhắn", body: "{smsName}: Đã bật lại tin nhắn. STOP để ngừng." },
    help: { subject: "Trợ giúp", body: "{smsName}: Tin về lá phiếu. Gọi {countyPhone}. STOP để ngừng." },
    status_reply: { subject: "Trạng thái lá phiếu", body: "{smsName}: Lá phiếu: {status}. {trackUrl}" },
    not_subscribed: { subject: "Chưa đăng ký", body: "{smsName}: Số này chưa đăng ký. Đăng ký: {trackUrl}" },
  },
  broadcasts: {
    deadline_reminder: {
      subject: "Nhắc nhở: gửi lại lá phiếu trước {deadline}",
      body: "Nhắc nhở: hãy gửi lại lá phiếu của bạn trước {deadline}, qua bưu điện hoặc bỏ vào thùng phiếu.",
      sms: "Nhắc nhở: gửi lại lá phiếu trước {deadline}.",
    },
    polling_place_change: {
      subject: "Nơi bỏ phiếu của bạn đã thay đổi",
      body: "Nơi bỏ phiếu trực tiếp của bạn đã thay đổi. Hãy bỏ phiếu tại {placeName}, {placeAddress}.",
      sms: "Nơi bỏ phiếu mới: {placeName}, {placeAddress}",
    },
  },
  reasons: {
    signature_mismatch: "chữ ký không khớp",
    signature_missing: "thiếu chữ ký",
    other: "phong bì có vấn đề",
  },
  statuses: {
    issued: "đã phát hành, chưa gửi",
    mailed: "đã gửi cho bạn",
    in_transit: "đang gửi đến bạn",
    out_for_delivery: "đang giao",
    delivered: "đã giao",
    undeliverable: "không giao được",
    returned_by_voter: "đang gửi về quận",
    received: "quận đã nhận",
    rejected: "không được đếm",
    cure_pending: "đang chờ mẫu chữ ký",
    cured: "đã sửa lỗi chữ ký",
    accepted: "đã chấp nhận",
    counted: "đã đếm",
    superseded: "đã thay bằng phiếu mới",
  },
  frame: {
    smsStop: "STOP để ngừng",
    emailGreeting: "Xin chào,",
    trackLine: "Theo dõi lá phiếu: {trackUrl}",
    cureLine: "Mẫu sửa lỗi: {cureUrl}",
    helpLine: "Thắc mắc? Gọi văn phòng bầu cử {countyName} theo số {countyPhone}.",
    unsubscribeLine: "Hủy đăng ký: {unsubscribeUrl}",
    voiceIntro: "Đây là văn phòng bầu cử {countyName} với tin về lá phiếu của bạn.",
    voiceOutro: "Cần giúp đỡ, gọi {countyPhone}. Xin chào.",
  },
};
