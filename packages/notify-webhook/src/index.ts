/** @talent-ledger/notify-webhook (work in progress). */
export {}
