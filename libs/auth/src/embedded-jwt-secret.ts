/** File in DATA_DIR holding the embedded-mode JWT secret: shared by the gateway and `npm run token`. */
export const EMBEDDED_JWT_SECRET_FILE = 'jwt.secret';
