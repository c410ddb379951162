import { ErrorPage, FORBIDDEN_TEXT } from "@/components/error-page";

// Inside the app shell (nav stays visible); the shell's layout provides <main>.
export default function Forbidden() {
  return (
    <ErrorPage code={403} title="You don't have access to this page">
      {FORBIDDEN_TEXT}
    </ErrorPage>
  );
}
