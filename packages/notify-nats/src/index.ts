/** @talent-ledger/notify-nats (work in progress). */
export {}
