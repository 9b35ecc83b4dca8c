import { LandingPage } from "./_components/LandingPage";
import { currentUser } from "./_lib/session";

export const dynamic = "force-dynamic";

export default async function Home() {
  return <LandingPage user={await currentUser()} />;
}
