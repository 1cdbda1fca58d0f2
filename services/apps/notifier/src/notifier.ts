import { type MessageHandler, parseMessage } from "@ballot/adapters";
import type { NotifierDeps } from "./deps.ts";
import { handleAlert } from "./handlers/alert.ts";
import { handleStatusChanged } from "./handlers/status-changed.ts";

/** Routes each message of the STATUS stream to its handler by subject; an unknown subject is dead-lettered. */
export function createNotifierHandler(deps: NotifierDeps): MessageHandler {
  const { subjects } = deps.catalog;
  return async (message, log) => {
    switch (message.subject) {
      case subjects.statusChanged.name:
        return handleStatusChanged(deps, parseMessage(subjects.statusChanged, message.data), log);
      case subjects.alert.name:
        return handleAlert(deps, parseMessage(subjects.alert, message.data), log);
      default:
        throw new Error(`the notifier has no handler for subject ${message.subject}`);
    }
  };
}
