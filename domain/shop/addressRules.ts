/**
 * What each country's couriers need on a label: Korea's road-name addresses (시/도, 시/군/구, a
 * 5-digit postal code, a phone number for the courier's call), the US's states and ZIP codes (and
 * a phone, which UPS and FedEx ask for). Other countries take the generic form.
 */

/** Korea's 17 provinces and metropolitan cities, as addresses write them. */
export const KR_PROVINCES = [
  "서울특별시", "부산광역시", "대구광역시", "인천광역시", "광주광역시", "대전광역시", "울산광역시", "세종특별자치시",
  "경기도", "강원특별자치도", "충청북도", "충청남도", "전북특별자치도", "전라남도", "경상북도", "경상남도", "제주특별자치도",
] as const;

/** The US's states, DC and the territories USPS delivers to, by postal abbreviation. */
export const US_STATES: Record<string, string> = {
  AL: "Alabama", AK: "Alaska", AZ: "Arizona", AR: "Arkansas", CA: "California", CO: "Colorado", CT: "Connecticut", DE: "Delaware",
  DC: "District of Columbia", FL: "Florida", GA: "Georgia", HI: "Hawaii", ID: "Idaho", IL: "Illinois", IN: "Indiana", IA: "Iowa",
  KS: "Kansas", KY: "Kentucky", LA: "Louisiana", ME: "Maine", MD: "Maryland", MA: "Massachusetts", MI: "Michigan", MN: "Minnesota",
  MS: "Mississippi", MO: "Missouri", MT: "Montana", NE: "Nebraska", NV: "Nevada", NH: "New Hampshire", NJ: "New Jersey",
  NM: "New Mexico", NY: "New York", NC: "North Carolina", ND: "North Dakota", OH: "Ohio", OK: "Oklahoma", OR: "Oregon",
  PA: "Pennsylvania", RI: "Rhode Island", SC: "South Carolina", SD: "South Dakota", TN: "Tennessee", TX: "Texas", UT: "Utah",
  VT: "Vermont", VA: "Virginia", WA: "Washington", WV: "West Virginia", WI: "Wisconsin", WY: "Wyoming",
  PR: "Puerto Rico", GU: "Guam", VI: "U.S. Virgin Islands", AS: "American Samoa", MP: "Northern Mariana Islands",
  AA: "Armed Forces Americas", AE: "Armed Forces Europe", AP: "Armed Forces Pacific",
};

export type AddressProblem = { field: "postalCode" | "region" | "phone"; message: string };

type Rule = {
  postalCode: RegExp;
  postalMessage: string;
  /** The allowed regions; null: any text, and not required. */
  regions: readonly string[] | null;
  regionMessage: string;
  /** Parses a phone number as the country dials it; null when a number is not one. */
  phone: ((raw: string) => string | null) | null;
  phoneMessage: string;
};

const digitsOf = (s: string) => s.replace(/[\s().-]/g, "");

/** A Korean number (mobile 010…, Seoul 02…, regional 031…–064…, 070), written with dashes. */
function koreanPhone(raw: string): string | null {
  let d = digitsOf(raw);
  if (d.startsWith("+82")) d = `0${d.slice(3).replace(/^0/, "")}`;
  if (!/^0\d{8,10}$/.test(d)) return null;
  const m = d.match(/^(02)(\d{3,4})(\d{4})$/) ?? d.match(/^(01[016789]|0[3-6][1-5]|070|050\d)(\d{3,4})(\d{4})$/);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

/** A North American number: ten digits after an optional +1, written (555) 123-4567. */
function usPhone(raw: string): string | null {
  let d = digitsOf(raw);
  if (d.startsWith("+1")) d = d.slice(2);
  else if (d.length === 11 && d.startsWith("1")) d = d.slice(1);
  if (!/^[2-9]\d{2}[2-9]\d{6}$/.test(d)) return null;
  return `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`;
}

/** Anywhere else: digits with the usual separators, an optional leading +, kept as typed. */
function anyPhone(raw: string): string | null {
  const t = raw.trim();
  const d = digitsOf(t);
  return /^\+?\d{6,15}$/.test(d) ? t : null;
}

const RULES: Record<string, Rule> = {
  KR: {
    postalCode: /^\d{5}$/,
    postalMessage: "must be a 5-digit postal code",
    regions: KR_PROVINCES,
    regionMessage: "must be a Korean province or metropolitan city",
    phone: koreanPhone,
    phoneMessage: "must be a Korean phone number, such as 010-1234-5678",
  },
  US: {
    postalCode: /^\d{5}(-\d{4})?$/,
    postalMessage: "must be a ZIP code, such as 94103 or 94103-1234",
    regions: Object.keys(US_STATES),
    regionMessage: "must be a US state",
    phone: usPhone,
    phoneMessage: "must be a US phone number, such as (415) 555-0132",
  },
};

/** Whether couriers to `country` need a phone number and a region (state, 시/도). */
export const needsPhone = (country: string) => country in RULES;
export const needsRegion = (country: string) => RULES[country]?.regions != null;
export const regionsOf = (country: string): readonly string[] | null => RULES[country]?.regions ?? null;

type RawAddress = { country?: unknown; postalCode?: unknown; region?: unknown; phone?: unknown };
const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");

/**
 * What is wrong with an address by its country's rules, each naming its field. It reads the raw
 * input (other fields may have failed their own checks), so a shopper sees every problem at once.
 */
export function countryProblems(a: RawAddress): AddressProblem[] {
  const country = text(a.country).toUpperCase();
  const rule = RULES[country];
  const phone = text(a.phone);
  if (!rule) return phone && !anyPhone(phone) ? [{ field: "phone", message: "must be a phone number" }] : [];
  const problems: AddressProblem[] = [];
  if (!rule.postalCode.test(text(a.postalCode))) problems.push({ field: "postalCode", message: rule.postalMessage });
  const region = regionAsWritten(country, text(a.region));
  if (!region) problems.push({ field: "region", message: "must not be empty" });
  else if (rule.regions && !rule.regions.includes(region)) problems.push({ field: "region", message: rule.regionMessage });
  if (!phone) problems.push({ field: "phone", message: "must not be empty" });
  else if (!rule.phone!(phone)) problems.push({ field: "phone", message: rule.phoneMessage });
  return problems;
}

const regionAsWritten = (country: string, region: string) => (country === "US" ? region.toUpperCase() : region);

/** A valid address with its parts written the country's way: the phone with its dashes, the state upper-cased. */
export function writtenByCountry<A extends { country: string; region?: string; phone?: string }>(a: A): A {
  const rule = RULES[a.country];
  const out = { ...a, region: a.region || undefined, phone: a.phone || undefined };
  if (!rule) return out;
  if (out.region) out.region = regionAsWritten(a.country, out.region);
  if (out.phone) out.phone = rule.phone!(out.phone) ?? out.phone;
  return out;
}
