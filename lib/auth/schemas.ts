import { z } from "zod";

export const credentialsSchema = z.object({
  email: z
    .email("Enter a valid email address")
    .max(255)
    .transform((e) => e.toLowerCase()),
  password: z.string().min(8, "Password must be at least 8 characters").max(200),
});

export const registerSchema = credentialsSchema.extend({
  name: z.string().trim().min(1, "Enter your name").max(80),
});

export type Credentials = z.infer<typeof credentialsSchema>;
export type Registration = z.infer<typeof registerSchema>;
