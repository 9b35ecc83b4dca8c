// The collaboration server still imports the role from here; it is defined in domain/.
export type { Role } from "@/domain/canvas/roles";
