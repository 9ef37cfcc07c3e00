/**
 * A form field people never see or reach (off-screen, hidden from assistive tech, out of the
 * tab order) but form-filling bots fill in; the server refuses any submission that has it set.
 */
export function Honeypot() {
  return (
    <div className="absolute -left-[9999px]" aria-hidden="true">
      <label>
        Website (leave empty)
        <input name="website" tabIndex={-1} autoComplete="off" />
      </label>
    </div>
  );
}
