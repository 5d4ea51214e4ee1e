/** @talent-ledger/store-postgres (work in progress). */
export {}
