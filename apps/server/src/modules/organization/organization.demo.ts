import type { AppContext } from '../../platform/context.ts';
import { systemActor } from '../../platform/context.ts';
import { newId, newToken } from '../../platform/ids/ids.ts';
import { userWithEmail } from '../identity/partner-users.service.ts';
import { sha256 } from '../identity/secrets.ts';
import {
  findPendingInvitationFor,
  insertInvitation,
  insertQualification,
  listQualificationsOfUser,
  upsertProfile,
} from './organization.repository.ts';
import { addDays, businessDate, invitationExpiry } from './organization.rules.ts';

interface DemoRecord {
  kind: 'certificate' | 'training' | 'project';
  name: string;
  organization: string;
  reference: string;
  /** Days from today. */
  starts: number;
  ends: number;
}

const DEMO_MEMBERS: { email: string; job: [string, string, string, string]; records: DemoRecord[] }[] = [
  {
    email: 'admin@solution.demo',
    job: ['技术总监', '解决方案部', 'HC-0001', '2019-03-01'],
    records: [
      {
        kind: 'certificate',
        name: '云计算解决方案架构师（专家级）',
        organization: '云学院',
        reference: 'CSE-2024-0198',
        starts: -400,
        ends: 330,
      },
      {
        kind: 'project',
        name: '某省政务云迁移',
        organization: '某省大数据局',
        reference: '项目经理',
        starts: -500,
        ends: -200,
      },
    ],
  },
  {
    email: 'member@solution.demo',
    job: ['云架构工程师', '交付中心', 'HC-0107', '2022-07-15'],
    records: [
      // Expires in 20 days: shows the "expiring" state and gets the 30-day warning.
      {
        kind: 'certificate',
        name: '云计算架构师（中级）',
        organization: '云学院',
        reference: 'CA-2023-5521',
        starts: -710,
        ends: 20,
      },
      {
        kind: 'certificate',
        name: '数据库管理员认证',
        organization: '云学院',
        reference: 'DBA-2021-0042',
        starts: -1200,
        ends: -30,
      },
      {
        kind: 'training',
        name: '容器与 Kubernetes 实战',
        organization: '云学院',
        reference: '24 学时',
        starts: -90,
        ends: -85,
      },
      {
        kind: 'project',
        name: '零售客户 ERP 上云',
        organization: '某连锁零售集团',
        reference: '实施工程师',
        starts: -300,
        ends: -60,
      },
    ],
  },
];

const DEMO_INVITEES = ['new.engineer@solution.demo', 'sales.lead@solution.demo'];

/** R12 demo data for the solution provider: employment, records and two pending invitations. Idempotent. */
export async function seedDemoOrganization(ctx: AppContext): Promise<void> {
  const now = ctx.clock.now();
  const today = businessDate(now);
  const actor = systemActor();
  await ctx.db.transaction(async (tx) => {
    for (const m of DEMO_MEMBERS) {
      const u = await userWithEmail(tx, m.email);
      if (!u?.partnerId || (await listQualificationsOfUser(tx, u.id)).length > 0) continue;
      const [jobTitle, department, employeeNo, employedSince] = m.job;
      await upsertProfile(tx, u.id, u.partnerId, now, {
        jobTitle,
        department,
        employeeNo,
        employedSince,
        qualificationsUpdatedAt: now,
      });
      for (const r of m.records) {
        await insertQualification(tx, {
          id: newId('mql', now.getTime()),
          userId: u.id,
          partnerId: u.partnerId,
          kind: r.kind,
          name: r.name,
          organization: r.organization,
          reference: r.reference,
          startsOn: addDays(today, r.starts),
          endsOn: addDays(today, r.ends),
          createdAt: now,
          updatedAt: now,
        });
      }
    }
    const admin = await userWithEmail(tx, 'admin@solution.demo');
    if (!admin?.partnerId) return;
    for (const email of DEMO_INVITEES) {
      if (await findPendingInvitationFor(tx, admin.partnerId, email)) continue;
      if (await userWithEmail(tx, email)) continue;
      const inv = await insertInvitation(tx, {
        id: newId('inv', now.getTime()),
        partnerId: admin.partnerId,
        email,
        name: null,
        roles: email.startsWith('new.') ? ['member', 'project_specialist'] : ['member'],
        locale: 'zh-CN',
        tokenHash: sha256(newToken()),
        status: 'pending',
        invitedBy: admin.id,
        createdAt: now,
        expiresAt: invitationExpiry(now),
      });
      await ctx.audit.record(tx, actor, {
        action: 'member_invitation.sent',
        entityType: 'member_invitation',
        entityId: inv.id,
        partnerId: inv.partnerId,
        after: { email, roles: inv.roles, status: 'pending' },
      });
    }
  });
}
