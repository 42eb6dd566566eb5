// Code samples of the SDK centre. They are code, not prose, so they are the same in both languages;
// `{endpoint}` and `{domainId}` are replaced with this server's address and the partner's domain id.

export const TYPESCRIPT_SAMPLE = `import { createHash, createHmac } from 'node:crypto';
import { createClient } from '@pc/sdk'; // packages/sdk, generated from {endpoint}/openapi.json

const AK = process.env.PARTNER_AK!;
const SK = process.env.PARTNER_SK!;
const enc = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

/** fetch that signs every request with SDK-HMAC-SHA256. */
async function signedFetch(input: Request): Promise<Response> {
  const url = new URL(input.url);
  const body = input.method === 'GET' ? '' : await input.clone().text();
  const date = new Date().toISOString().replace(/[-:]/g, '').replace(/\\.\\d{3}/, '');
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    host: url.host,
    'x-domain-id': '{domainId}',
    'x-sdk-date': date,
  };
  const names = Object.keys(headers).sort();
  const path = url.pathname.split('/').map((s) => enc(decodeURIComponent(s))).join('/');
  const query = [...url.searchParams]
    .map(([k, v]) => [enc(k), enc(v)])
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : 1))
    .map(([k, v]) => \`\${k}=\${v}\`)
    .join('&');
  const canonical = [
    input.method,
    path.endsWith('/') ? path : \`\${path}/\`,
    query,
    names.map((n) => \`\${n}:\${headers[n]}\\n\`).join(''),
    names.join(';'),
    createHash('sha256').update(body).digest('hex'),
  ].join('\\n');
  const toSign = ['SDK-HMAC-SHA256', date, createHash('sha256').update(canonical).digest('hex')].join('\\n');
  const signature = createHmac('sha256', SK).update(toSign).digest('hex');
  const { host: _host, ...sent } = headers;
  return fetch(url, {
    method: input.method,
    body: body || undefined,
    headers: {
      ...sent,
      authorization: \`SDK-HMAC-SHA256 Access=\${AK}, SignedHeaders=\${names.join(';')}, Signature=\${signature}\`,
    },
  });
}

const client = createClient({ baseUrl: '{endpoint}', fetch: signedFetch });
const { data, error } = await client.POST('/v2/partners/indirect-partners/query', {
  body: { offset: 0, limit: 10 },
});`;

export const NODE_SAMPLE = `// npm install @huaweicloud/huaweicloud-sdk-core @huaweicloud/huaweicloud-sdk-bss
const { GlobalCredentials } = require('@huaweicloud/huaweicloud-sdk-core');
const bss = require('@huaweicloud/huaweicloud-sdk-bss');

const credentials = new GlobalCredentials()
  .withAk(process.env.PARTNER_AK)
  .withSk(process.env.PARTNER_SK)
  .withDomainId('{domainId}');

const client = bss.BssClient.newBuilder()
  .withCredential(credentials)
  .withEndpoint('{endpoint}') // instead of the provider's endpoint
  .build();

const request = new bss.ListIndirectPartnersRequest();
request.withBody(new bss.QueryIndirectPartnersReq().withOffset(0).withLimit(10));
client.listIndirectPartners(request).then((result) => console.log(result));

// Only the core package: its ClientBuilder and HcClient send and sign any operation.
const { ClientBuilder } = require('@huaweicloud/huaweicloud-sdk-core/ClientBuilder');
const hc = new ClientBuilder((c) => c).withCredential(credentials).withEndpoint('{endpoint}').build();
hc.sendRequest({
  method: 'POST',
  url: '/v2/partners/indirect-partners/query',
  contentType: 'application/json',
  headers: {},
  pathParams: {},
  queryParams: {},
  data: { offset: 0, limit: 10 },
}).then((result) => console.log(result));`;

export const PYTHON_SAMPLE = `# pip install huaweicloudsdkbss
import os
from huaweicloudsdkcore.auth.credentials import GlobalCredentials
from huaweicloudsdkbss.v2 import BssClient, ListIndirectPartnersRequest, QueryIndirectPartnersReq

credentials = GlobalCredentials(os.environ["PARTNER_AK"], os.environ["PARTNER_SK"], "{domainId}")

client = BssClient.new_builder() \\
    .with_credentials(credentials) \\
    .with_endpoint("{endpoint}") \\
    .build()

request = ListIndirectPartnersRequest()
request.body = QueryIndirectPartnersReq(offset=0, limit=10)
print(client.list_indirect_partners(request))`;

export const JAVA_SAMPLE = `// com.huaweicloud.sdk:huaweicloud-sdk-bss
import com.huaweicloud.sdk.bss.v2.BssClient;
import com.huaweicloud.sdk.bss.v2.model.*;
import com.huaweicloud.sdk.core.auth.GlobalCredentials;
import com.huaweicloud.sdk.core.auth.ICredential;

ICredential auth = new GlobalCredentials()
    .withAk(System.getenv("PARTNER_AK"))
    .withSk(System.getenv("PARTNER_SK"))
    .withDomainId("{domainId}");

BssClient client = BssClient.newBuilder()
    .withCredential(auth)
    .withEndpoint("{endpoint}")
    .build();

ListIndirectPartnersRequest request = new ListIndirectPartnersRequest()
    .withBody(new QueryIndirectPartnersReq().withOffset(0).withLimit(10));
ListIndirectPartnersResponse response = client.listIndirectPartners(request);`;

export const GO_SAMPLE = `// go get github.com/huaweicloud/huaweicloud-sdk-go-v3
import (
    "os"

    "github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/global"
    bss "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/bss/v2"
    "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/bss/v2/model"
)

auth := global.NewCredentialsBuilder().
    WithAk(os.Getenv("PARTNER_AK")).
    WithSk(os.Getenv("PARTNER_SK")).
    WithDomainId("{domainId}").
    Build()

client := bss.NewBssClient(bss.BssClientBuilder().
    WithEndpoints([]string{"{endpoint}"}).
    WithCredential(auth).
    Build())

offset, limit := int32(0), int32(10)
response, err := client.ListIndirectPartners(&model.ListIndirectPartnersRequest{
    Body: &model.QueryIndirectPartnersReq{Offset: &offset, Limit: &limit},
})`;

/** Puts the partner's endpoint and domain id into a sample. */
export function fillSample(sample: string, endpoint: string, domainId: string): string {
  return sample.replaceAll('{endpoint}', endpoint).replaceAll('{domainId}', domainId);
}
