import { ErrorPage, FORBIDDEN_TEXT } from "@/components/error-page";

// Rendered when a page calls forbidden(): signed in, but the role lacks the permission.
export default function Forbidden() {
  return (
    <ErrorPage code={403} title="You don't have access to this page" standalone>
      {FORBIDDEN_TEXT}
    </ErrorPage>
  );
}
