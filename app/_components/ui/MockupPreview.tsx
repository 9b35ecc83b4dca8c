/** A t-shirt and a mug drawn in SVG: the product's own art, no stock images. */
export function MockupPreview() {
  return (
    <svg viewBox="0 0 480 360" role="img" aria-label="A t-shirt and a mug with a shared design" style={{ width: "100%", height: "auto" }}>
      <defs>
        <linearGradient id="art" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#7950f2" />
          <stop offset="1" stopColor="#f06595" />
        </linearGradient>
      </defs>
      <rect x="8" y="8" width="464" height="344" rx="24" fill="white" stroke="#e9ecef" />
      <path d="M120 70 L170 50 Q200 72 230 50 L280 70 L312 118 L276 136 L266 120 L266 300 L134 300 L134 120 L124 136 L88 118 Z" fill="#f8f9fa" stroke="#ced4da" strokeWidth="2" strokeLinejoin="round" />
      <circle cx="200" cy="170" r="46" fill="url(#art)" />
      <path d="M178 170 l14 14 28-30" stroke="white" strokeWidth="8" fill="none" strokeLinecap="round" strokeLinejoin="round" />
      <text x="200" y="250" textAnchor="middle" fontFamily="system-ui" fontWeight="800" fontSize="22" fill="#343a40">TEAM 2026</text>
      <rect x="320" y="170" width="110" height="120" rx="12" fill="#f8f9fa" stroke="#ced4da" strokeWidth="2" />
      <path d="M430 200 q36 0 36 30 q0 30 -36 30" fill="none" stroke="#ced4da" strokeWidth="10" />
      <circle cx="375" cy="222" r="24" fill="url(#art)" />
      <g fontFamily="system-ui" fontSize="11" fontWeight="600">
        <path d="M300 64 l0 18 l5 -5 l6 10 l4 -2 l-6 -10 l7 0 z" fill="#12b886" />
        <rect x="314" y="82" width="40" height="18" rx="9" fill="#12b886" />
        <text x="334" y="95" textAnchor="middle" fill="white">Min</text>
        <path d="M70 250 l0 18 l5 -5 l6 10 l4 -2 l-6 -10 l7 0 z" fill="#fd7e14" />
        <rect x="84" y="268" width="44" height="18" rx="9" fill="#fd7e14" />
        <text x="106" y="281" textAnchor="middle" fill="white">Jiwoo</text>
      </g>
    </svg>
  );
}
