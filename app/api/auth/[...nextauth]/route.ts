import { authRoute } from "@/features/auth/route-handler";

export { authRoute as GET, authRoute as POST };
