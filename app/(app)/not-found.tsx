import { ErrorPage, NOT_FOUND_TEXT } from "@/components/error-page";

// Inside the app shell (e.g. an unknown borrower id); the shell's layout provides <main>.
export default function NotFound() {
  return (
    <ErrorPage code={404} title="Page not found">
      {NOT_FOUND_TEXT}
    </ErrorPage>
  );
}
