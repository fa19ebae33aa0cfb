/** Face colours from very unhappy (1) to very happy (5): red, orange, amber, green, teal. */
const FILL = ['#e03131', '#f76707', '#f59f00', '#66a80f', '#0ca678'];

/**
 * A face for a score 1–5, drawn (not an emoji: the kiosk's system may have no emoji font). The mouth
 * curves down for 1, is straight for 3 and smiles for 5.
 */
export function Face({ score, size }: { score: number; size: number }) {
  const curve = (score - 3) / 2;
  const mouthY = 66 - curve * 4;
  return (
    <svg width={size} height={size} viewBox="0 0 100 100" aria-hidden="true" focusable="false">
      <circle cx="50" cy="50" r="46" fill={FILL[score - 1]} />
      <circle cx="35" cy="40" r="6" fill="#fff" />
      <circle cx="65" cy="40" r="6" fill="#fff" />
      <path d={`M 30 ${mouthY} Q 50 ${mouthY + curve * 22} 70 ${mouthY}`} stroke="#fff" strokeWidth="6" strokeLinecap="round" fill="none" />
    </svg>
  );
}
