import type { LanguagePack } from "../language-pack.ts";

// Translation drafted without a certified translator: it needs review by one before production.
export const hi: LanguagePack = {
  locale: "hi-IN",
  reviewed: false,
  notices: {
    handed_to_usps: { subject: "आपका मतपत्र डाक में है", body: "आपका मतपत्र USPS को सौंप दिया गया है।" },
    expected_delivery: { subject: "आपका मतपत्र जल्द पहुँचेगा", body: "USPS आपका मतपत्र {expectedDate} को पहुँचाएगा।" },
    delivered: { subject: "आपका मतपत्र पहुँच गया", body: "USPS ने आपका मतपत्र पहुँचा दिया।" },
    undeliverable: {
      subject: "आपका मतपत्र नहीं पहुँच सका",
      body: "USPS आपका मतपत्र नहीं पहुँचा सका। नया मतपत्र पाने के लिए {countyPhone} पर कॉल करें।",
      sms: "USPS मतपत्र नहीं पहुँचा सका। {countyPhone} पर कॉल करें।",
    },
    back_in_mail: { subject: "आपका मतपत्र वापस आ रहा है", body: "आपका मतपत्र डाक से काउंटी जा रहा है।" },
    received: { subject: "आपका मतपत्र मिल गया", body: "काउंटी को आपका मतपत्र मिल गया है।" },
    not_counted_cure: {
      subject: "कार्रवाई ज़रूरी: आपका मतपत्र अभी गिना नहीं गया",
      body: "आपका मतपत्र गिना नहीं गया: {reason}। {deadline} तक सुधार फ़ॉर्म पर हस्ताक्षर करके लौटाएँ।",
      sms: "मतपत्र नहीं गिना गया: {reason}। {deadline} तक फ़ॉर्म भरें:",
    },
    not_counted_other: {
      subject: "आपका मतपत्र गिना नहीं गया",
      body: "आपका मतपत्र गिना नहीं गया: {reason}। आगे क्या करें, जानने के लिए {countyPhone} पर कॉल करें।",
      sms: "मतपत्र नहीं गिना गया: {reason}। {countyPhone} पर कॉल करें।",
    },
    cured: { subject: "आपके मतपत्र की समस्या ठीक हो गई", body: "धन्यवाद। आपके हस्ताक्षर की समस्या ठीक हो गई।" },
    counted: { subject: "आपका मतपत्र गिना गया", body: "आपका मतपत्र गिना गया। मतदान के लिए धन्यवाद।" },
    return_deadline_reminder: {
      subject: "याद दिलाना: अपना मतपत्र लौटाएँ",
      body: "याद दिलाना: {deadline} तक अपना मतपत्र डाक से या ड्रॉप बॉक्स में लौटाएँ।",
      sms: "याद रखें: {deadline} तक मतपत्र लौटाएँ।",
    },
    cure_deadline_reminder: {
      subject: "याद दिलाना: अपना मतपत्र ठीक करें",
      body: "याद दिलाना: {deadline} तक सुधार फ़ॉर्म पर हस्ताक्षर करके लौटाएँ ताकि आपका मतपत्र गिना जाए।",
      sms: "याद रखें: {deadline} तक सुधार फ़ॉर्म भरें:",
    },
    lost_suspected: {
      subject: "आपका मतपत्र खो गया हो सकता है",
      body: "आपका मतपत्र कई दिनों से डाक में आगे नहीं बढ़ा। न मिले तो {countyPhone} पर कॉल करें।",
      sms: "मतपत्र डाक में रुका है। {countyPhone} पर कॉल करें।",
    },
    correction: {
      subject: "आपके मतपत्र की स्थिति में सुधार",
      body: "सुधार: हमारा पिछला संदेश गलत था। आपके मतपत्र की स्थिति अब है: {status}।",
      sms: "सुधार: मतपत्र की स्थिति अब: {status}।",
    },
    retraction: {
      subject: "कृपया मतपत्र के बारे में हमारा पिछला संदेश अनदेखा करें",
      body: "आपके मतपत्र के बारे में हमारा पिछला संदेश गलती से भेजा गया था। कृपया इसे अनदेखा करें।",
      sms: "हमारा पिछला संदेश गलती से भेजा गया। कृपया अनदेखा करें।",
    },
  },
  service: {
    sms_confirm_request: {
      subject: "SMS की पुष्टि करें",
      body: "{smsName}: मतपत्र SMS के लिए YES लिखें। रोकने के लिए STOP, मदद के लिए HELP।",
    },
    sms_confirmed: { subject: "SMS चालू", body: "{smsName}: आपको मतपत्र SMS मिलेंगे। रोकने के लिए STOP लिखें।" },
    email_confirm: {
      subject: "मतपत्र सूचनाओं की पुष्टि करें",
      body: "पुष्टि करें कि आप इस पते पर {countyName} से मतपत्र सूचनाएँ चाहते हैं: {confirmUrl}",
    },
    contact_changed: {
      subject: "आपका संपर्क बदला गया",
      body: "{countyName} की मतपत्र सूचनाएँ अब नए संपर्क पर जाएँगी। आपने नहीं बदला? {countyPhone} पर कॉल करें।",
    },
    stop_ack: { subject: "SMS बंद", body: "{smsName}: अब SMS नहीं आएँगे। फिर से पाने के लिए START लिखें।" },
    start_ack: { subject: "SMS फिर चालू", body: "{smsName}: मतपत्र SMS फिर चालू। रोकने के लिए STOP लिखें।" },
    help: { subject: "मदद", body: "{smsName}: मतपत्र सूचनाएँ। {countyPhone} पर कॉल करें। STOP से बंद करें।" },
    status_reply: { subject: "मतपत्र की स्थिति", body: "{smsName}: आपका मतपत्र: {status}। {trackUrl}" },
    not_subscribed: { subject: "सदस्यता नहीं", body: "{smsName}: यह नंबर सूचनाएँ नहीं पाता। यहाँ जुड़ें: {trackUrl}" },
  },
  broadcasts: {
    deadline_reminder: {
      subject: "अनुस्मारक: अपना मतपत्र {deadline} तक लौटाएँ",
      body: "अनुस्मारक: अपना मतपत्र {deadline} तक लौटाएँ। उस दिन तक डाक मुहर के साथ भेजें या ड्रॉप बॉक्स में डालें।",
      sms: "अनुस्मारक: मतपत्र {deadline} तक लौटाएँ।",
    },
    polling_place_change: {
      subject: "आपका मतदान स्थान बदल गया है",
      body: "आपका व्यक्तिगत मतदान स्थान बदल गया है। {placeName}, {placeAddress} पर मतदान करें।",
      sms: "नया मतदान स्थान: {placeName}, {placeAddress}",
    },
  },
  reasons: {
    signature_mismatch: "हस्ताक्षर मेल नहीं खाते",
    signature_missing: "हस्ताक्षर नहीं है",
    other: "लिफ़ाफ़े में समस्या",
  },
  statuses: {
    issued: "जारी, अभी भेजा नहीं",
    mailed: "आपको भेजा गया",
    in_transit: "आपके पास आ रहा है",
    out_for_delivery: "डिलीवरी के लिए निकला",
    delivered: "पहुँच गया",
    undeliverable: "पहुँचाया नहीं जा सका",
    returned_by_voter: "काउंटी को लौट रहा है",
    received: "काउंटी को मिला",
    rejected: "गिना नहीं गया",
    cure_pending: "आपके हस्ताक्षर फ़ॉर्म का इंतज़ार",
    cured: "हस्ताक्षर समस्या ठीक",
    accepted: "स्वीकृत",
    counted: "गिना गया",
    superseded: "नए मतपत्र से बदला गया",
  },
  frame: {
    smsStop: "रोकें: STOP",
    emailGreeting: "नमस्ते,",
    trackLine: "अपना मतपत्र ट्रैक करें: {trackUrl}",
    cureLine: "सुधार फ़ॉर्म: {cureUrl}",
    helpLine: "सवाल? {countyName} चुनाव कार्यालय को {countyPhone} पर कॉल करें।",
    unsubscribeLine: "सदस्यता छोड़ें: {unsubscribeUrl}",
    voiceIntro: "यह {countyName} चुनाव कार्यालय है, आपके मतपत्र के बारे में एक सूचना।",
    voiceOutro: "मदद के लिए {countyPhone} पर कॉल करें। धन्यवाद।",
  },
};
