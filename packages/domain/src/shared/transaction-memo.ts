/** An interactive transaction's client has no $transaction of its own; the client itself has. */
export const isTransaction = (db: object) => typeof (db as { $transaction?: unknown }).$transaction !== "function";

/**
 * Values read at most once per interactive transaction, by key: the
 * transaction's later asks get the same promise. Outside a transaction (the
 * client itself) every ask reads again, so nothing is kept across requests.
 * A read that fails, or whose value `keep` refuses, is forgotten and read
 * again at the next ask.
 */
export function transactionMemo<T>(keep: (value: T) => boolean = () => true) {
  const byTransaction = new WeakMap<object, Map<string, Promise<T>>>();
  const known = (db: object) => {
    let values = byTransaction.get(db);
    if (!values) {
      values = new Map();
      byTransaction.set(db, values);
    }
    return values;
  };
  return {
    get(db: object, key: string, read: () => Promise<T>): Promise<T> {
      if (!isTransaction(db)) return read();
      const values = known(db);
      let value = values.get(key);
      if (!value) {
        value = read();
        values.set(key, value);
        void value.then(
          (found) => keep(found) || values.delete(key),
          () => values.delete(key),
        );
      }
      return value;
    },
    /** A value the transaction read some other way (a wider statement); not replaced once there. */
    prime(db: object, key: string, value: T): void {
      if (!isTransaction(db) || !keep(value)) return;
      const values = known(db);
      if (!values.has(key)) values.set(key, Promise.resolve(value));
    },
  };
}
