import { currentUser } from "@/server/auth/pageSession";
import { LandingPage } from "./_components/LandingPage";

export const dynamic = "force-dynamic";

export default async function Home() {
  return <LandingPage user={await currentUser()} />;
}
