// Translation drafted without a certified translator: it needs review by one before production.
import type { Strings } from "./index.ts";

export const es: Strings = {
  reviewed: false,
  site: {
    name: "¿Dónde está mi boleta?",
    skipLink: "Ir al contenido principal",
    mainNav: "Páginas",
    languageNav: "Idioma",
    footer: "Seguimos el sobre, nunca su voto.",
    unreviewed: "Esta traducción aún no ha sido revisada por un traductor certificado.",
  },
  nav: {
    lookup: "Seguir mi boleta",
    faq: "Preguntas",
    messages: "¿Este mensaje es nuestro?",
  },
  lookup: {
    title: "Siga su boleta por correo",
    intro: "Escriba sus datos como aparecen en su registro de votante. Solo los usamos para encontrar su boleta.",
    firstName: "Nombre",
    lastName: "Apellido",
    dateOfBirth: "Fecha de nacimiento",
    dateOfBirthHint: "MM-DD-AAAA (mes, día, año), por ejemplo 07-04-1976",
    zip: "Código postal (ZIP)",
    zipHint: "El código postal de 5 dígitos del domicilio de su registro",
    voterId: "Número de votante",
    voterIdHint: "La oficina electoral de su condado puede darle su número de votante.",
    submit: "Buscar mi boleta",
    faqLink: "¿Cómo me encuentra la búsqueda?",
  },
  ui: {
    searching: "Buscando su boleta…",
    errorSummary: "Hay un problema",
    errors: {
      firstNameRequired: "Escriba su nombre",
      lastNameRequired: "Escriba su apellido",
      dateOfBirthRequired: "Escriba su fecha de nacimiento",
      zipRequired: "Escriba su código postal",
      voterIdRequired: "Escriba su número de votante",
      firstNameInvalid: "Escriba su nombre como aparece en su registro de votante",
      lastNameInvalid: "Escriba su apellido como aparece en su registro de votante",
      dateOfBirthInvalid: "Escriba su fecha de nacimiento como MM-DD-AAAA, por ejemplo 07-04-1976",
      dateOfBirthRange: "Escriba una fecha de nacimiento real, entre 01-01-1900 y hoy, como MM-DD-AAAA",
      zipInvalid: "Escriba el código postal de 5 dígitos de su domicilio, por ejemplo 95814",
      voterIdInvalid: "Escriba su número de votante tal como se lo dio su condado",
      notFound:
        "No encontramos a ningún votante con estos datos. Revise que coincidan con su registro de votante: su nombre, su fecha de nacimiento y el código postal de su domicilio. Los registros nuevos tardan unos días en aparecer aquí. Si aún no funciona, llame a la oficina electoral de su condado.",
      ambiguous: "Más de un votante tiene estos datos. Escriba también su número de votante.",
      rateLimited: "Demasiadas búsquedas. Espere {time} y vuelva a intentarlo.",
      unavailable: "El servicio de seguimiento no responde ahora. Vuelva a intentarlo en unos minutos.",
      network:
        "No pudimos conectar con el servicio de seguimiento. Revise su conexión a internet y vuelva a intentarlo.",
    },
    result: {
      heading: "Su boleta",
      olderBallot: "Una boleta anterior",
      election: "Elección {id}",
      noBallot: "Encontramos su registro, pero su condado todavía no le ha enviado una boleta por correo.",
      asOf: "Información al {time} ({relative}).",
      freshness: "Las novedades del Servicio Postal y de su condado pueden tardar un día en aparecer aquí.",
      expectedDelivery: "El Servicio Postal espera entregarla el {date}.",
      timeline: "Lo que ha pasado hasta ahora",
      next: "Siguiente",
    },
    waiting: {
      county: "Esperando al condado",
      usps: "Esperando al Servicio Postal",
      voter: "Esperando por usted",
      done: "No hay nada más que hacer",
    },
    statuses: {
      issued: {
        label: "Preparada por su condado",
        meaning: "Su condado preparó su boleta. Todavía no está en el correo.",
        next: "Su condado se la envía por correo.",
      },
      mailed: {
        label: "Enviada a usted",
        meaning: "Su condado entregó su boleta al Servicio Postal.",
        next: "El Servicio Postal se la entrega.",
      },
      in_transit: {
        label: "En el correo hacia usted",
        meaning: "El Servicio Postal escaneó su boleta en camino hacia usted.",
        next: "El Servicio Postal se la entrega.",
      },
      out_for_delivery: {
        label: "En reparto",
        meaning: "Su cartero tiene su boleta y debería entregarla hoy.",
        next: "Llega a su buzón.",
      },
      delivered: {
        label: "Entregada",
        meaning: "El Servicio Postal dice que su boleta fue entregada en su domicilio.",
        next: "Marque su boleta, firme el sobre y devuélvala por correo o en un buzón oficial.",
      },
      undeliverable: {
        label: "No se pudo entregar",
        meaning: "El Servicio Postal no pudo entregar su boleta y la devuelve a su condado.",
        next: "Llame a la oficina electoral de su condado para pedir otra boleta o para votar en persona.",
      },
      returned_by_voter: {
        label: "En camino a su condado",
        meaning: "El Servicio Postal escaneó su boleta votada en camino de regreso a su condado.",
        next: "Su condado la recibe.",
      },
      received: {
        label: "Recibida por su condado",
        meaning: "Su condado tiene su boleta y está revisando la firma del sobre.",
        next: "Su condado revisa su firma. Esto suele tardar unos días.",
      },
      accepted: {
        label: "Aceptada",
        meaning: "Se revisó su firma. Su boleta será contada.",
        next: "Su condado la cuenta. El conteo sigue unos días después del día de la elección.",
      },
      counted: {
        label: "Contada",
        meaning: "Su boleta fue contada. Gracias por votar.",
        next: "Nada. Su voto ya cuenta.",
      },
      rejected: {
        label: "No contada",
        meaning: "Su boleta no se pudo contar. Vea abajo por qué y qué puede hacer.",
        next: "Llame a la oficina electoral de su condado.",
      },
      cure_pending: {
        label: "Necesita su firma",
        meaning: "Su boleta no se contará hasta que corrija un problema con la firma del sobre.",
        next: "Firme y devuelva el formulario de firma antes de la fecha límite.",
      },
      cured: {
        label: "Problema de firma corregido",
        meaning: "Su condado recibió su formulario de firma. El problema está corregido.",
        next: "Su condado cuenta su boleta.",
      },
      superseded: {
        label: "Reemplazada",
        meaning: "Esta boleta fue reemplazada por una más nueva. Solo la boleta nueva se puede contar.",
        next: "Use su boleta nueva.",
      },
    },
    rejection: {
      heading: "Por qué su boleta aún no se cuenta",
      reasons: {
        signature_mismatch: "La firma del sobre no coincide con la de su registro de votante.",
        signature_missing: "El sobre no está firmado.",
        other: "Hay un problema con el sobre de su boleta.",
      },
      cureHeading: "Cómo corregirlo",
      cureSteps: [
        "Abra el formulario de firma de su condado (enlace abajo).",
        "Llénelo y fírmelo.",
        "Devuélvalo antes de la fecha límite, por correo, correo electrónico o en persona, como indica el formulario.",
      ],
      cureLink: "Formulario de firma de su condado",
      noCureLink: "Llame a la oficina electoral de su condado y pida el formulario de firma.",
      deadline: "Fecha límite: {date}",
      noDeadline: "Pregunte la fecha límite a la oficina electoral de su condado.",
      other: "Llame a la oficina electoral de su condado para saber qué pasó y qué puede hacer.",
    },
  },
  faq: {
    title: "Preguntas y respuestas",
    items: {
      matching: {
        question: "¿Cómo me encuentra la búsqueda?",
        answer: [
          "Comparamos su nombre, apellido, fecha de nacimiento y código postal con la lista de votantes que nos envía su condado.",
          "Las mayúsculas, los acentos, los espacios, los guiones y los apóstrofos no importan: «José O'Brien» y «jose obrien» coinciden. Por lo demás, escriba su nombre como aparece en su registro.",
          "Si más de un votante tiene los mismos datos, también le pedimos su número de votante.",
        ],
      },
      zip: {
        question: "¿Por qué me piden el código postal?",
        answer: [
          "Un nombre y una fecha de nacimiento no siempre bastan para distinguir a los votantes. El código postal del domicilio de su registro lo identifica a usted, sin pedirle su dirección.",
          "Use el código postal de la dirección donde vive y está registrado, no el de una dirección postal o apartado de correos.",
        ],
      },
      tracked: {
        question: "¿Qué siguen ustedes?",
        answer: [
          "El sobre, nunca el voto. Mostramos cuándo su condado preparó su boleta, cuándo el Servicio Postal la escaneó de ida y de vuelta, y cuándo su condado la recibió, revisó la firma y la contó.",
          "Nadie puede ver aquí cómo votó. Su boleta sigue sellada en su sobre hasta que se separa de su nombre y se cuenta.",
        ],
      },
      notFound: {
        question: "¿Por qué no me encuentran?",
        answer: [
          "Los registros nuevos y los cambios tardan unos días en llegarnos. Si se registró o se mudó hace poco, vuelva a intentarlo en unos días.",
          "Revise que sus datos sean los de su registro. Si aún no funciona, llame a la oficina electoral de su condado.",
        ],
      },
      freshness: {
        question: "¿Qué tan actualizado está el estado de mi boleta?",
        answer: [
          "Cada paso muestra cuándo ocurrió, y la página dice cuándo llegó la última novedad («al»). El Servicio Postal y su condado envían novedades varias veces al día.",
          "A veces falta un escaneo postal, así que un paso puede no aparecer. «Esperando al condado» quiere decir que su condado tiene su boleta y usted no tiene que hacer nada.",
        ],
      },
      rejected: {
        question: "¿Y si mi boleta no se cuenta?",
        answer: [
          "Si falta la firma o no coincide, puede corregirlo firmando un formulario antes de la fecha límite. El estado muestra el motivo, un enlace al formulario y la fecha límite.",
        ],
      },
      privacy: {
        question: "¿Qué pasa con los datos que escribo?",
        answer: [
          "Se usan para encontrar su boleta y no se guardan. Las búsquedas están limitadas, para que nadie pueda usar esta página para recorrer la lista de votantes.",
        ],
      },
    },
  },
  messages: {
    title: "¿Este mensaje es realmente nuestro?",
    intro:
      "Si se inscribe, le enviamos novedades sobre su boleta por correo electrónico, mensaje de texto o llamada. A veces los estafadores copian mensajes como estos. Así puede reconocer uno verdadero.",
    genuineHeading: "Un mensaje verdadero de nosotros",
    genuine: [
      "Solo le informa sobre el sobre de su boleta: enviada, entregada, recibida, contada o un problema que corregir.",
      "Llega a nombre de la oficina electoral de su condado. Un mensaje de texto empieza con el nombre del condado y termina con «STOP p/cancelar».",
      "Solo tiene enlaces a este sitio o al sitio web oficial de su condado.",
      "Solo llega si usted se inscribió para recibir avisos. La oficina electoral de su condado también puede comunicarse con usted por un problema de firma: si tiene dudas, llámela al número de su sitio web oficial.",
    ],
    neverHeading: "Nuestros mensajes nunca le piden",
    never: [
      "Su número de Seguro Social, de licencia de conducir ni su fecha de nacimiento",
      "Datos de su banco o tarjeta, ni ningún pago",
      "Contraseñas ni códigos enviados a su teléfono",
      "Cómo votó ni por quién va a votar",
    ],
    neverNote: "Nunca le amenazamos con cancelar su registro ni su voto.",
    unsureHeading: "¿No está seguro?",
    unsure: [
      "No abra los enlaces del mensaje ni responda con datos personales.",
      "Abra este sitio usted mismo y busque su boleta aquí.",
      "O llame a la oficina electoral de su condado, al número de su sitio web oficial o de su boleta de muestra. También puede reportarles el mensaje.",
    ],
    stopNote: "Para dejar de recibir mensajes de texto, responda STOP. Responda HELP para recibir ayuda.",
  },
  alerts: {
    title: "Reciba avisos sobre su boleta",
    intro:
      "Podemos avisarle por correo electrónico, mensaje de texto o llamada cuando su boleta se envíe, se entregue, se reciba y se cuente, o si hay un problema que resolver.",
    resultHeading: "Reciba avisos",
    resultText: "Entérese de cada paso de esta boleta por correo electrónico, texto o llamada, en su idioma.",
    resultLink: "Inscribirme para recibir avisos",
    noToken:
      "Para inscribirse o cambiar sus avisos, primero busque su boleta. Por su privacidad, esta página solo funciona unos minutos después de una búsqueda, en la misma pestaña del navegador.",
    lookupLink: "Buscar mi boleta",
    current: "Sus avisos ahora",
    none: "Todavía no tiene avisos.",
    channelsLegend: "¿Cómo quiere que le avisemos?",
    channelsHint: "Elija una o más opciones.",
    email: "Correo electrónico",
    emailAddress: "Dirección de correo electrónico",
    emailHint: "Por ejemplo nombre@example.com",
    sms: "Mensajes de texto (SMS)",
    smsNumber: "Número de teléfono celular",
    smsHint:
      "Un número de EE. UU., por ejemplo (916) 555-0123. Le enviaremos un texto para que responda YES. Responda STOP en cualquier momento.",
    voice: "Llamadas telefónicas",
    voiceNumber: "Número de teléfono",
    voiceHint: "Un número de EE. UU., por ejemplo (916) 555-0123",
    hoursLegend: "¿Cuándo podemos comunicarnos con usted?",
    hoursHint: "En la hora local de su condado. Los mensajes fuera de este horario esperan hasta que empiece.",
    from: "Desde",
    until: "Hasta",
    language: "Idioma de sus avisos",
    save: "Guardar mis avisos",
    unsubscribeAll: "Cancelar todos los avisos",
    noscript:
      "Esta página necesita JavaScript. La oficina electoral de su condado también puede inscribirle por teléfono.",
  },
  alertsUi: {
    loading: "Cargando sus avisos…",
    saving: "Guardando…",
    saved: "Sus avisos están guardados.",
    confirmEmail: "Abra el enlace que le enviamos por correo electrónico para confirmar su dirección.",
    confirmSms: "Responda YES al texto que le enviaremos para empezar a recibir avisos por texto.",
    unsubscribed: "Ya no recibirá avisos por {channel}.",
    unsubscribedAll: "Ya no recibirá avisos.",
    unsubscribe: "Cancelar avisos por {channel}",
    keep: "Ahora: {address}. Déjelo vacío para conservarlo.",
    hours: "Horario de contacto: de {from} a {until}",
    channelNames: { email: "correo electrónico", sms: "mensaje de texto", voice: "llamada" },
    consent: {
      pending: "Esperando su confirmación",
      confirmed: "Activo",
      opted_out: "Cancelado",
    },
    errors: {
      emailRequired: "Escriba su dirección de correo electrónico",
      smsRequired: "Escriba su número de celular",
      voiceRequired: "Escriba su número de teléfono",
      emailInvalid: "Escriba una dirección como nombre@example.com",
      smsInvalid: "Escriba un número celular de EE. UU. como (916) 555-0123",
      voiceInvalid: "Escriba un número de EE. UU. como (916) 555-0123",
      noChannel: "Elija al menos una forma de avisarle",
      hoursInvalid: "Elija una hora de inicio anterior a la hora final",
      expired: "Su sesión terminó. Busque su boleta otra vez para cambiar sus avisos.",
      rateLimited: "Demasiados cambios. Espere {time} y vuelva a intentarlo.",
      unavailable: "Los avisos no responden en este momento. Vuelva a intentarlo en unos minutos.",
      network:
        "No pudimos conectar con el sistema de seguimiento. Revise su conexión a internet y vuelva a intentarlo.",
    },
  },
  confirmed: {
    title: "Confirmación de correo electrónico",
    outcomes: {
      confirmed: "Gracias. Su correo electrónico está confirmado: le escribiremos sobre su boleta.",
      already_used: "Este enlace ya se usó. Su correo electrónico está confirmado.",
      expired: "Este enlace venció. Busque su boleta y guarde sus avisos otra vez para recibir uno nuevo.",
      invalid:
        "Este enlace no funciona. Copie el enlace completo de nuestro correo o busque su boleta para inscribirse otra vez.",
      no_such_channel: "Estos avisos se eliminaron. Busque su boleta para inscribirse otra vez.",
    },
    unknown: "Busque su boleta para ver y cambiar sus avisos.",
    manageLink: "Administrar mis avisos",
  },
  unsubscribe: {
    title: "Cancelar avisos",
    intro: "Presione el botón para dejar de recibir avisos sobre su boleta en esta dirección.",
    button: "Cancelar avisos",
    working: "Cancelando…",
    noToken:
      "Para cancelar, use el enlace al final de uno de nuestros correos, responda STOP a un texto, o busque su boleta y cambie sus avisos.",
    outcomes: {
      unsubscribed: "Sus avisos están cancelados. No enviaremos más avisos a esta dirección.",
      expired: "Este enlace venció. Busque su boleta para cambiar sus avisos.",
      invalid: "Este enlace no funciona. Busque su boleta para cambiar sus avisos.",
      no_such_channel: "Ya no hay avisos para esta dirección.",
    },
    failed: "No pudimos cancelar sus avisos ahora. Vuelva a intentarlo en unos minutos.",
  },
};
