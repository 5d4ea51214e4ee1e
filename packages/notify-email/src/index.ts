/** @talent-ledger/notify-email (work in progress). */
export {}
