import type { LanguagePack } from "../language-pack.ts";

// Translation drafted without a certified translator: it needs review by one before production.
export const es: LanguagePack = {
  locale: "es-US",
  reviewed: false,
  notices: {
    handed_to_usps: {
      subject: "Su boleta está en el correo",
      body: "Su boleta fue entregada al Servicio Postal (USPS).",
    },
    expected_delivery: {
      subject: "Su boleta llega pronto",
      body: "USPS espera entregar su boleta el {expectedDate}.",
    },
    delivered: { subject: "Su boleta fue entregada", body: "USPS entregó su boleta." },
    undeliverable: {
      subject: "No se pudo entregar su boleta",
      body: "USPS no pudo entregar su boleta. Llame al {countyPhone} para pedir otra.",
      sms: "USPS no pudo entregar su boleta. Llame al {countyPhone}.",
    },
    back_in_mail: {
      subject: "Su boleta va de regreso",
      body: "Su boleta va por correo al condado.",
    },
    received: { subject: "Su boleta fue recibida", body: "El condado recibió su boleta." },
    not_counted_cure: {
      subject: "Acción necesaria: su boleta aún no se contó",
      body: "Su boleta no se contó: {reason}. Firme y envíe el formulario de corrección antes del {deadline}.",
      sms: "Boleta no contada: {reason}. Corrija antes del {deadline}:",
    },
    not_counted_other: {
      subject: "Su boleta no se contó",
      body: "Su boleta no se contó: {reason}. Llame al {countyPhone} para saber qué hacer.",
      sms: "Boleta no contada: {reason}. Llame al {countyPhone}.",
    },
    cured: { subject: "Se corrigió el problema de su boleta", body: "Gracias. Se corrigió el problema de su firma." },
    counted: { subject: "Su boleta fue contada", body: "Su boleta fue contada. Gracias por votar." },
    return_deadline_reminder: {
      subject: "Recordatorio: devuelva su boleta",
      body: "Recordatorio: devuelva su boleta antes del {deadline}, por correo o en un buzón oficial.",
      sms: "Recordatorio: devuelva su boleta antes del {deadline}.",
    },
    cure_deadline_reminder: {
      subject: "Recordatorio: corrija su boleta",
      body: "Recordatorio: firme y envíe el formulario de corrección antes del {deadline} para que su boleta cuente.",
      sms: "Recordatorio: corrija su boleta antes del {deadline}:",
    },
    lost_suspected: {
      subject: "Su boleta podría estar perdida",
      body: "Su boleta lleva días sin moverse en el correo. Si no llega, llame al {countyPhone}.",
      sms: "Su boleta no avanza en el correo. Llame al {countyPhone}.",
    },
    correction: {
      subject: "Corrección del estado de su boleta",
      body: "Corrección: nuestro último mensaje era incorrecto. Su boleta ahora está: {status}.",
      sms: "Corrección: su boleta ahora está: {status}.",
    },
    retraction: {
      subject: "Ignore nuestro último mensaje sobre su boleta",
      body: "Nuestro último mensaje sobre su boleta se envió por error. Por favor, ignórelo.",
      sms: "Nuestro último mensaje sobre su boleta fue un error. Ignórelo.",
    },
  },
  service: {
    sms_confirm_request: {
      subject: "Confirme los mensajes",
      body: "{smsName}: Responda YES para recibir mensajes sobre su boleta. STOP para cancelar, HELP para ayuda.",
    },
    sms_confirmed: {
      subject: "Mensajes activados",
      body: "{smsName}: Recibirá mensajes sobre su boleta. Responda STOP para cancelar.",
    },
    email_confirm: {
      subject: "Confirme sus avisos sobre la boleta",
      body: "Confirme que desea recibir avisos de {countyName} sobre su boleta en esta dirección: {confirmUrl}",
    },
    contact_changed: {
      subject: "Su contacto cambió",
      body: "Los avisos de {countyName} sobre su boleta van a un contacto nuevo. ¿No fue usted? Llame al {countyPhone}.",
    },
    stop_ack: {
      subject: "Mensajes cancelados",
      body: "{smsName}: No recibirá más mensajes. Responda START para volver.",
    },
    start_ack: {
      subject: "Mensajes activados",
      body: "{smsName}: Los mensajes volvieron. Responda STOP para cancelar.",
    },
    help: { subject: "Ayuda", body: "{smsName}: Avisos de su boleta. Llame al {countyPhone}. STOP para cancelar." },
    status_reply: { subject: "Estado de la boleta", body: "{smsName}: Su boleta: {status}. {trackUrl}" },
    not_subscribed: {
      subject: "Sin suscripción",
      body: "{smsName}: Este número no recibe avisos. Inscríbase en {trackUrl}",
    },
  },
  broadcasts: {
    deadline_reminder: {
      subject: "Recordatorio: devuelva su boleta antes del {deadline}",
      body: "Recordatorio: devuelva su boleta antes del {deadline}, por correo con matasellos o en un buzón oficial.",
      sms: "Recordatorio: devuelva su boleta antes del {deadline}.",
    },
    polling_place_change: {
      subject: "Cambió su lugar de votación",
      body: "Cambió su lugar de votación en persona. Vote en {placeName}, {placeAddress}.",
      sms: "Nuevo lugar de votación: {placeName}, {placeAddress}",
    },
  },
  reasons: {
    signature_mismatch: "la firma no coincide",
    signature_missing: "falta la firma",
    other: "un problema con el sobre",
  },
  statuses: {
    issued: "emitida, aún no enviada",
    mailed: "enviada por correo",
    in_transit: "en camino a usted",
    out_for_delivery: "en reparto",
    delivered: "entregada",
    undeliverable: "no entregable",
    returned_by_voter: "en camino al condado",
    received: "recibida por el condado",
    rejected: "no contada",
    cure_pending: "esperando su formulario de firma",
    cured: "problema de firma corregido",
    accepted: "aceptada",
    counted: "contada",
    superseded: "reemplazada por una boleta nueva",
  },
  frame: {
    smsStop: "STOP p/cancelar",
    emailGreeting: "Hola:",
    trackLine: "Siga su boleta: {trackUrl}",
    cureLine: "Formulario de corrección: {cureUrl}",
    helpLine: "¿Preguntas? Llame a la oficina electoral de {countyName} al {countyPhone}.",
    unsubscribeLine: "Cancelar la suscripción: {unsubscribeUrl}",
    voiceIntro: "Le habla la oficina electoral de {countyName} con noticias sobre su boleta.",
    voiceOutro: "Para ayuda, llame al {countyPhone}. Adiós.",
  },
};
