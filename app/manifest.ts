import type { MetadataRoute } from "next";

/** The web app manifest: what a phone shows when Merchboard is added to its home screen. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Merchboard",
    short_name: "Merchboard",
    description: "Design merchandise together, live, with AI.",
    start_url: "/dashboard",
    scope: "/",
    display: "standalone",
    background_color: "#f8f9fa",
    theme_color: "#7950f2",
    icons: [
      { src: "/icon.svg", type: "image/svg+xml", sizes: "any", purpose: "any" },
      { src: "/icon-192.png", type: "image/png", sizes: "192x192", purpose: "any" },
      { src: "/icon-512.png", type: "image/png", sizes: "512x512", purpose: "any" },
      { src: "/icon-maskable-512.png", type: "image/png", sizes: "512x512", purpose: "maskable" },
    ],
  };
}
