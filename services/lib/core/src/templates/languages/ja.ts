import type { LanguagePack } from "../language-pack.ts";

// Translation drafted without a certified translator: it needs review by one before production.
export const ja: LanguagePack = {
  locale: "ja-JP",
  reviewed: false,
  notices: {
    handed_to_usps: {
      subject: "投票用紙を発送しました",
      body: "あなたの投票用紙は米国郵便（USPS）に引き渡されました。",
    },
    expected_delivery: {
      subject: "投票用紙がまもなく届きます",
      body: "USPSは{expectedDate}に投票用紙を配達する予定です。",
    },
    delivered: { subject: "投票用紙が配達されました", body: "USPSが投票用紙を配達しました。" },
    undeliverable: {
      subject: "投票用紙を配達できませんでした",
      body: "USPSは投票用紙を配達できませんでした。新しい投票用紙は{countyPhone}にお電話ください。",
    },
    back_in_mail: { subject: "投票用紙が返送中です", body: "返送された投票用紙は郡へ郵送中です。" },
    received: { subject: "投票用紙を受け取りました", body: "郡があなたの投票用紙を受け取りました。" },
    not_counted_cure: {
      subject: "対応が必要です：投票はまだ集計されていません",
      body: "投票は集計されていません：{reason}。{deadline}までに訂正用紙に署名して返送してください。",
    },
    not_counted_other: {
      subject: "投票は集計されませんでした",
      body: "投票は集計されませんでした：{reason}。対応は{countyPhone}にお電話ください。",
    },
    cured: { subject: "投票用紙の問題が解決しました", body: "ありがとうございます。署名の問題は解決しました。" },
    counted: { subject: "投票が集計されました", body: "あなたの投票は集計されました。投票ありがとうございました。" },
    return_deadline_reminder: {
      subject: "お知らせ：投票用紙を返送してください",
      body: "お知らせ：{deadline}までに郵送または投票箱で投票用紙を返送してください。",
    },
    cure_deadline_reminder: {
      subject: "お知らせ：投票用紙の訂正",
      body: "お知らせ：投票が集計されるよう、{deadline}までに訂正用紙に署名して返送してください。",
    },
    lost_suspected: {
      subject: "投票用紙が紛失した可能性があります",
      body: "投票用紙の郵便記録が数日ありません。届かない場合は{countyPhone}にお電話ください。",
    },
    correction: {
      subject: "投票状況の訂正",
      body: "訂正：前回のお知らせは誤りでした。現在の状況：{status}。",
    },
    retraction: {
      subject: "投票用紙に関する前回のお知らせについて",
      body: "投票用紙に関する前回のお知らせは誤って送信されました。無視してください。",
      sms: "前回のお知らせは誤りでした。無視してください。",
    },
  },
  service: {
    sms_confirm_request: {
      subject: "SMSの確認",
      body: "{smsName}：投票用紙のSMSを受け取るにはYESと返信。停止はSTOP、ヘルプはHELP。",
    },
    sms_confirmed: { subject: "SMS開始", body: "{smsName}：投票用紙のSMSをお送りします。停止はSTOPと返信。" },
    email_confirm: {
      subject: "投票用紙のお知らせの確認",
      body: "このアドレスで{countyName}から投票用紙のお知らせを受け取ることを確認してください：{confirmUrl}",
    },
    contact_changed: {
      subject: "連絡先が変更されました",
      body: "{countyName}からの投票用紙のお知らせは新しい連絡先に送られます。心当たりがない場合は{countyPhone}へ。",
    },
    stop_ack: { subject: "SMS停止", body: "{smsName}：今後SMSは送信しません。再開はSTARTと返信。" },
    start_ack: { subject: "SMS再開", body: "{smsName}：SMSを再開しました。停止はSTOPと返信。" },
    help: { subject: "ヘルプ", body: "{smsName}：投票用紙のお知らせ。{countyPhone}へお電話を。停止はSTOP。" },
    status_reply: { subject: "投票用紙の状況", body: "{smsName}：投票用紙：{status}。{trackUrl}" },
    not_subscribed: { subject: "未登録", body: "{smsName}：この番号は未登録です。登録：{trackUrl}" },
  },
  broadcasts: {
    deadline_reminder: {
      subject: "お知らせ：投票用紙の返送期限は{deadline}です",
      body: "お知らせ：投票用紙は{deadline}までに返送してください。当日消印有効です。投票箱に入れることもできます。",
      sms: "お知らせ：投票用紙は{deadline}までに返送してください。",
    },
    polling_place_change: {
      subject: "投票所が変更されました",
      body: "対面で投票する投票所が変更されました。{placeName}（{placeAddress}）で投票してください。",
      sms: "新しい投票所：{placeName}、{placeAddress}",
    },
  },
  reasons: {
    signature_mismatch: "署名が一致しません",
    signature_missing: "署名がありません",
    other: "封筒に問題があります",
  },
  statuses: {
    issued: "発行済み、未発送",
    mailed: "発送済み",
    in_transit: "配送中",
    out_for_delivery: "配達中",
    delivered: "配達済み",
    undeliverable: "配達不能",
    returned_by_voter: "郡へ返送中",
    received: "郡が受領",
    rejected: "集計されず",
    cure_pending: "署名用紙の返送待ち",
    cured: "署名の問題は解決",
    accepted: "受理",
    counted: "集計済み",
    superseded: "新しい投票用紙に置き換え",
  },
  frame: {
    smsStop: "停止:STOP",
    emailGreeting: "こんにちは。",
    trackLine: "投票用紙の追跡：{trackUrl}",
    cureLine: "訂正用紙：{cureUrl}",
    helpLine: "ご質問は{countyName}選挙管理事務所（{countyPhone}）へ。",
    unsubscribeLine: "配信停止：{unsubscribeUrl}",
    voiceIntro: "{countyName}選挙管理事務所から、投票用紙についてのお知らせです。",
    voiceOutro: "お問い合わせは{countyPhone}へ。失礼いたします。",
  },
};
