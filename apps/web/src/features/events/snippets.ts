// Verification code shown on the Webhooks and Integration pages. Code is the same in both
// languages, so it lives here and not in the translation files.

export const WEBHOOK_NODE = `import { createHmac, timingSafeEqual } from 'node:crypto';
import express from 'express';

const SECRET = process.env.PC_WEBHOOK_SECRET; // whsec_…, shown once when the endpoint was created
const seen = new Set(); // use your database: X-PC-Event-Id is the deduplication key

const app = express();
// Verify over the raw body: re-serialised JSON would not match the signature.
app.post('/pc-webhook', express.raw({ type: 'application/json' }), (req, res) => {
  const timestamp = req.get('X-PC-Timestamp') ?? '';
  const given = req.get('X-PC-Signature') ?? '';
  const expected = 'v1=' + createHmac('sha256', SECRET).update(timestamp + '.' + req.body.toString('utf8')).digest('hex');
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
  if (!fresh || given.length !== expected.length || !timingSafeEqual(Buffer.from(given), Buffer.from(expected))) {
    return res.status(400).end();
  }
  const event = JSON.parse(req.body.toString('utf8')); // { id, type, occurred_at, partner_id, data }
  if (!seen.has(event.id)) {
    seen.add(event.id);
    // … handle event.type
  }
  res.status(204).end(); // any 2xx ends the retries
});
app.listen(8080);
`;

export const WEBHOOK_JAVA = `import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

// rawBody: the request body exactly as received; timestamp and signature: the X-PC-* headers.
static boolean verifyWebhook(String secret, String timestamp, String rawBody, String signature) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] digest = mac.doFinal((timestamp + "." + rawBody).getBytes(StandardCharsets.UTF_8));
    String expected = "v1=" + HexFormat.of().formatHex(digest);
    boolean fresh = Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) < 300;
    return fresh && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
        signature.getBytes(StandardCharsets.UTF_8));
}
`;

export const BIND_NODE = `import { createVerify, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import express from 'express';

// The platform certificate, downloaded once from the Integration page.
const cert = new X509Certificate(readFileSync('partner-center-platform.pem'));

const app = express();
app.post('/pc-bind', express.urlencoded({ extended: false }), (req, res) => {
  const { bindRequest, SigAlg, Signature } = req.body;
  const valid =
    SigAlg === 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256' &&
    createVerify('RSA-SHA256').update(bindRequest, 'utf8').verify(cert.publicKey, Signature, 'base64');
  if (!valid) return res.status(400).end();
  const { domainName, domainId, xUserId, bindAction } = JSON.parse(Buffer.from(bindRequest, 'base64').toString('utf8'));
  // … bind domainId to your user xUserId (idempotently: the same callback may come again)
  res.status(200).end(); // any 2xx ends the retries
});
app.listen(8080);
`;

export const BIND_JAVA = `import java.io.FileInputStream;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;

// bindRequest, sigAlg and signature: the form fields of the POST, already URL-decoded.
static boolean verifyBindRequest(String bindRequest, String sigAlg, String signature) throws Exception {
    if (!"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256".equals(sigAlg)) return false;
    X509Certificate cert;
    try (FileInputStream in = new FileInputStream("partner-center-platform.pem")) {
        cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(cert.getPublicKey());
    verifier.update(bindRequest.getBytes(StandardCharsets.UTF_8));
    return verifier.verify(Base64.getDecoder().decode(signature));
}
// Then: new String(Base64.getDecoder().decode(bindRequest), StandardCharsets.UTF_8)
// is the JSON {"domainName":…,"domainId":…,"xUserId":…,"bindAction":…}.
`;
