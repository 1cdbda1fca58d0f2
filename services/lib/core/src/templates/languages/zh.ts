import type { LanguagePack } from "../language-pack.ts";

// Translation drafted without a certified translator: it needs review by one before production.
export const zh: LanguagePack = {
  locale: "zh-CN",
  reviewed: false,
  notices: {
    handed_to_usps: { subject: "您的选票已寄出", body: "您的选票已交给美国邮政（USPS）。" },
    expected_delivery: { subject: "您的选票即将送达", body: "USPS 预计于{expectedDate}送达您的选票。" },
    delivered: { subject: "您的选票已送达", body: "USPS 已送达您的选票。" },
    undeliverable: {
      subject: "您的选票无法投递",
      body: "USPS 无法投递您的选票。请致电 {countyPhone} 申请新选票。",
    },
    back_in_mail: { subject: "您的选票正在寄回", body: "您寄回的选票正在寄往县选举办公室。" },
    received: { subject: "您的选票已收到", body: "县选举办公室已收到您的选票。" },
    not_counted_cure: {
      subject: "需要您采取行动：您的选票尚未计入",
      body: "您的选票未被计入：{reason}。请在{deadline}前签署并交回补正表格。",
    },
    not_counted_other: {
      subject: "您的选票未被计入",
      body: "您的选票未被计入：{reason}。请致电 {countyPhone} 了解您可以做什么。",
    },
    cured: { subject: "您的选票问题已解决", body: "谢谢。您的签名问题已解决。" },
    counted: { subject: "您的选票已计入", body: "您的选票已计入。感谢您投票。" },
    return_deadline_reminder: {
      subject: "提醒：请寄回您的选票",
      body: "提醒：请在{deadline}前寄回您的选票，可邮寄或投入投票箱。",
    },
    cure_deadline_reminder: {
      subject: "提醒：请补正您的选票",
      body: "提醒：请在{deadline}前签署并交回补正表格，以便计入您的选票。",
    },
    lost_suspected: {
      subject: "您的选票可能已遗失",
      body: "您的选票已多日没有邮寄记录。如未收到，请致电 {countyPhone}。",
    },
    correction: {
      subject: "选票状态更正",
      body: "更正：我们上一条消息有误。您的选票现在的状态是：{status}。",
    },
    retraction: {
      subject: "请忽略我们上一条选票消息",
      body: "我们关于您选票的上一条消息是误发的，请忽略。",
    },
  },
  service: {
    sms_confirm_request: {
      subject: "确认短信通知",
      body: "{smsName}：回复 YES 接收选票短信。回复 STOP 退订，HELP 获取帮助。",
    },
    sms_confirmed: { subject: "短信通知已开启", body: "{smsName}：您将收到选票短信。回复 STOP 退订。" },
    email_confirm: {
      subject: "确认您的选票通知",
      body: "请确认您希望在此地址接收{countyName}的选票通知：{confirmUrl}",
    },
    contact_changed: {
      subject: "您的联系方式已更改",
      body: "{countyName}的选票通知现在发送到新的联系方式。如非本人操作，请致电 {countyPhone}。",
    },
    stop_ack: { subject: "已退订", body: "{smsName}：您将不再收到短信。回复 START 重新订阅。" },
    start_ack: { subject: "已重新订阅", body: "{smsName}：选票短信已恢复。回复 STOP 退订。" },
    help: { subject: "帮助", body: "{smsName}：选票通知。请致电 {countyPhone}。回复 STOP 退订。" },
    status_reply: { subject: "选票状态", body: "{smsName}：您的选票：{status}。{trackUrl}" },
    not_subscribed: { subject: "未订阅", body: "{smsName}：此号码未订阅选票通知。请在此注册：{trackUrl}" },
  },
  broadcasts: {
    deadline_reminder: {
      subject: "提醒：请在{deadline}前交回选票",
      body: "提醒：请在{deadline}前交回您的选票。请在当天前邮寄（以邮戳为准）或投入投票箱。",
      sms: "提醒：请在{deadline}前交回选票。",
    },
    polling_place_change: {
      subject: "您的投票地点已更改",
      body: "您的现场投票地点已更改。请到{placeName}投票，地址：{placeAddress}。",
      sms: "新投票地点：{placeName}，{placeAddress}",
    },
  },
  reasons: {
    signature_mismatch: "签名不符",
    signature_missing: "信封未签名",
    other: "信封有问题",
  },
  statuses: {
    issued: "已发出，尚未寄出",
    mailed: "已寄给您",
    in_transit: "正在寄给您",
    out_for_delivery: "正在派送",
    delivered: "已送达",
    undeliverable: "无法投递",
    returned_by_voter: "正在寄回县选举办公室",
    received: "县选举办公室已收到",
    rejected: "未计入",
    cure_pending: "等待您的签名表格",
    cured: "签名问题已解决",
    accepted: "已接受",
    counted: "已计入",
    superseded: "已由新选票取代",
  },
  frame: {
    smsStop: "回复STOP退订",
    emailGreeting: "您好：",
    trackLine: "查询您的选票：{trackUrl}",
    cureLine: "补正表格：{cureUrl}",
    helpLine: "如有疑问，请致电{countyName}选举办公室：{countyPhone}。",
    unsubscribeLine: "退订：{unsubscribeUrl}",
    voiceIntro: "这里是{countyName}选举办公室，向您通报选票的最新情况。",
    voiceOutro: "如需帮助，请致电 {countyPhone}。再见。",
  },
};
