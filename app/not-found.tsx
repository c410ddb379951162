import { ErrorPage, NOT_FOUND_TEXT } from "@/components/error-page";

export default function NotFound() {
  return (
    <ErrorPage code={404} title="Page not found" standalone>
      {NOT_FOUND_TEXT}
    </ErrorPage>
  );
}
