// One line of an entry's lineage ("Reads", "Downstream", …): the tables as links within the catalog.
export function LineageLinks({ label, tables, onSelect }: { label: string; tables: readonly string[]; onSelect(id: string): void }) {
  return (
    <div className="catalog-lineage__row">
      <dt>{label}</dt>
      <dd aria-label={label}>
        {tables.length === 0
          ? 'none'
          : tables.map((t) => (
              <button key={t} type="button" className="button--link" onClick={() => onSelect(t)}>
                {t}
              </button>
            ))}
      </dd>
    </div>
  );
}
