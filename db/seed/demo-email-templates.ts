// The global email templates every workspace starts from, as the old platform's
// EmailTemplateSeeder made them: workspace_id null and is_global true mean "offered to
// all workspaces, editable by none".
import type { Tables } from "../database";
import { uuidv7 } from "../uuidv7";
import { emailLayout } from "./email-layout";

type NewEmailTemplate = Tables["emailTemplates"]["$inferInsert"];

const button = (label: string, href: string) =>
  `<p style="margin:28px 0;"><a href="${href}" style="display:inline-block;padding:12px 24px;background-color:#4f46e5;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:bold;">${label}</a></p>`;

const templates = [
  {
    name: "Monthly Newsletter",
    category: "newsletter",
    description: "A monthly round-up: one feature story, three quick links and a call to action.",
    preheader: "This month: what worked, what we're testing next, and three links worth your time.",
    body: `<h1 style="margin:0 0 16px;font-size:24px;">Hi {{first_name}}, here's your monthly round-up</h1>
<p style="margin:0 0 16px;">This month we tested posting at different times of day. Posts published between 7 and 9 am got 38% more saves than the same posts in the evening — here's what we changed.</p>
<h2 style="margin:24px 0 8px;font-size:18px;">Three links worth your time</h2>
<ul style="margin:0 0 16px;padding-left:20px;">
  <li><a href="{{link_1_url}}" style="color:#4f46e5;">How we plan a month of content in one afternoon</a></li>
  <li><a href="{{link_2_url}}" style="color:#4f46e5;">Behind the scenes of our latest shoot</a></li>
  <li><a href="{{link_3_url}}" style="color:#4f46e5;">Reader question: how often should you post?</a></li>
</ul>
${button("Read the full issue", "{{issue_url}}")}
<p style="margin:0;">Until next month,<br>{{sender_name}}</p>`,
  },
  {
    name: "Welcome Aboard",
    category: "welcome",
    description: "The first email a new subscriber gets: a warm hello, what to expect, and one first step.",
    preheader: "Thanks for joining — here's what happens next.",
    body: `<h1 style="margin:0 0 16px;font-size:24px;">Welcome, {{first_name}}!</h1>
<p style="margin:0 0 16px;">Thanks for joining {{workspace_name}}. Every other Tuesday you'll get one practical idea you can use the same day — no fluff, and never more than a five-minute read.</p>
<p style="margin:0 0 16px;">To start, grab the free starter guide most people ask for first:</p>
${button("Get the starter guide", "{{starter_guide_url}}")}
<p style="margin:0 0 16px;">One favour: reply to this email and tell me what you're working on. I read every reply.</p>
<p style="margin:0;">Glad you're here,<br>{{sender_name}}</p>`,
  },
  {
    name: "Flash Sale",
    category: "promotion",
    description: "A 48-hour discount announcement with a code, a deadline and a single button.",
    preheader: "48 hours only: {{discount_percent}}% off everything in the shop.",
    body: `<h1 style="margin:0 0 16px;font-size:28px;text-align:center;">{{discount_percent}}% off — 48 hours only</h1>
<p style="margin:0 0 16px;text-align:center;">Hi {{first_name}}, everything in the shop is on sale until <strong>{{sale_ends_at}}</strong>.</p>
<p style="margin:0 0 16px;text-align:center;font-size:20px;letter-spacing:2px;"><strong style="padding:8px 16px;border:2px dashed #4f46e5;">{{discount_code}}</strong></p>
<p style="margin:0 0 16px;text-align:center;">Use the code at checkout. It works on presets, planners and courses.</p>
<div style="text-align:center;">${button("Shop the sale", "{{shop_url}}")}</div>`,
  },
  {
    name: "New Course Launch",
    category: "announcement",
    description: "Announces a new course: who it is for, what's inside, and the launch price.",
    preheader: "The course you asked for is finally here.",
    body: `<h1 style="margin:0 0 16px;font-size:24px;">It's here: {{course_title}}</h1>
<p style="margin:0 0 16px;">Hi {{first_name}}, you asked for it, so I built it. {{course_title}} takes you from "I never know what to post" to a month of content planned, shot and scheduled.</p>
<p style="margin:0 0 8px;"><strong>Inside you'll find:</strong></p>
<ul style="margin:0 0 16px;padding-left:20px;">
  <li>{{lesson_count}} short video lessons you can finish in a weekend</li>
  <li>Templates for content pillars, captions and a posting calendar</li>
  <li>Lifetime access, including every future update</li>
</ul>
<p style="margin:0 0 16px;">The launch price of <strong>{{course_price}}</strong> ends on {{launch_ends_at}}.</p>
${button("See the course", "{{course_url}}")}
<p style="margin:0;">{{sender_name}}</p>`,
  },
  {
    name: "We Miss You",
    category: "re-engagement",
    description: "Wins back subscribers who have not opened in 90 days, and lets them leave gracefully.",
    preheader: "Still want to hear from us? One click either way.",
    body: `<h1 style="margin:0 0 16px;font-size:24px;">Still there, {{first_name}}?</h1>
<p style="margin:0 0 16px;">We haven't seen you open one of our emails in a while, and that's okay — inboxes get busy.</p>
<p style="margin:0 0 16px;">If you'd still like to hear from us, click below and we'll keep you on the list. If not, no hard feelings: we'll stop writing in two weeks.</p>
${button("Yes, keep me subscribed", "{{resubscribe_url}}")}
<p style="margin:0;">Thanks for reading all this time,<br>{{sender_name}}</p>`,
  },
] as const;

export function demoEmailTemplates(createdBy: string): NewEmailTemplate[] {
  return templates.map((template) => ({
    id: uuidv7(),
    workspace_id: null,
    name: template.name,
    description: template.description,
    content: emailLayout({ title: template.name, preheader: template.preheader, body: template.body }),
    category: template.category,
    is_global: true,
    created_by: createdBy,
  }));
}
