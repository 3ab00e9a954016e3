// A screen whose feature has not landed yet: its title and one line saying what it will do.
export function PlannedScreen({ title, purpose }: { title: string; purpose: string }) {
  return (
    <div className="screen">
      <div className="screen__header">
        <h1>{title}</h1>
      </div>
      <p className="planned" role="note">
        {purpose}
      </p>
    </div>
  );
}
