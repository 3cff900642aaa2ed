import { EmptyState } from "@cm/ui";
import { Link } from "react-router";

export function NotFoundPage() {
  return (
    <EmptyState title="Page not found">
      <Link to="/accounts" className="text-brand-600 hover:underline">
        Back to accounts
      </Link>
    </EmptyState>
  );
}
