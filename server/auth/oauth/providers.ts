import type { OAuthProfile } from "../../services/account/accountService";

export const PROVIDER_IDS = ["google", "kakao", "naver"] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export type ProviderConfig = {
  id: ProviderId;
  clientId: string;
  clientSecret: string;
  authorizationUrl: string;
  tokenUrl: string;
  userInfoUrl: string;
  scopes: string[];
  toProfile: (info: Record<string, unknown>) => OAuthProfile;
};

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === "object" ? (v as Json) : {});
const str = (v: unknown): string | null => (typeof v === "string" && v ? v : typeof v === "number" ? String(v) : null);

const DEFAULTS: Record<ProviderId, Omit<ProviderConfig, "id" | "clientId" | "clientSecret">> = {
  google: {
    authorizationUrl: "https://accounts.google.com/o/oauth2/v2/auth",
    tokenUrl: "https://oauth2.googleapis.com/token",
    userInfoUrl: "https://openidconnect.googleapis.com/v1/userinfo",
    scopes: ["openid", "email", "profile"],
    toProfile: (i) => ({
      provider: "google",
      providerUserId: str(i.sub) ?? "",
      email: str(i.email),
      emailVerified: i.email_verified === true,
      name: str(i.name) ?? "",
    }),
  },
  kakao: {
    authorizationUrl: "https://kauth.kakao.com/oauth/authorize",
    tokenUrl: "https://kauth.kakao.com/oauth/token",
    userInfoUrl: "https://kapi.kakao.com/v2/user/me",
    scopes: ["account_email", "profile_nickname"],
    toProfile: (i) => {
      const account = obj(i.kakao_account);
      return {
        provider: "kakao",
        providerUserId: str(i.id) ?? "",
        email: str(account.email),
        emailVerified: account.is_email_verified === true && account.is_email_valid !== false,
        name: str(obj(account.profile).nickname) ?? "",
      };
    },
  },
  naver: {
    authorizationUrl: "https://nid.naver.com/oauth2.0/authorize",
    tokenUrl: "https://nid.naver.com/oauth2.0/token",
    userInfoUrl: "https://openapi.naver.com/v1/nid/me",
    scopes: [],
    toProfile: (i) => {
      const r = obj(i.response);
      // Naver hands out only the e-mail of the Naver account itself, which Naver has verified.
      return { provider: "naver", providerUserId: str(r.id) ?? "", email: str(r.email), emailVerified: !!str(r.email), name: str(r.name) ?? str(r.nickname) ?? "" };
    },
  },
};

/**
 * Providers whose keys are set. Endpoints can be overridden (OAUTH_<ID>_AUTHORIZATION_URL, …)
 * so that tests run the whole flow against an OAuth server of their own.
 */
export function enabledProviders(envVars: NodeJS.ProcessEnv = process.env): ProviderConfig[] {
  return (Object.keys(DEFAULTS) as ProviderId[]).flatMap((id) => {
    const up = id.toUpperCase();
    const clientId = envVars[`${up}_CLIENT_ID`];
    const clientSecret = envVars[`${up}_CLIENT_SECRET`];
    if (!clientId || !clientSecret) return [];
    const d = DEFAULTS[id];
    return [
      {
        ...d,
        id,
        clientId,
        clientSecret,
        authorizationUrl: envVars[`OAUTH_${up}_AUTHORIZATION_URL`] ?? d.authorizationUrl,
        tokenUrl: envVars[`OAUTH_${up}_TOKEN_URL`] ?? d.tokenUrl,
        userInfoUrl: envVars[`OAUTH_${up}_USERINFO_URL`] ?? d.userInfoUrl,
      },
    ];
  });
}

export function findProvider(id: string): ProviderConfig | undefined {
  return enabledProviders().find((p) => p.id === id);
}

export function enabledProviderIds(envVars: NodeJS.ProcessEnv = process.env): ProviderId[] {
  return enabledProviders(envVars).map((p) => p.id);
}
