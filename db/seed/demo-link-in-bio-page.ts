// The demo owner's link-in-bio page, with the links a working creator keeps there.
import type { Tables } from "../database";
import { uuidv7 } from "../uuidv7";
import type { DemoWorkspaces } from "./demo-workspaces";

type NewLinkInBioPage = Tables["linkInBioPages"]["$inferInsert"];

const links = [
  {
    title: "New course: Content Creation Fundamentals",
    url: "https://northwind.example/courses/fundamentals",
    clicks: 412,
  },
  { title: "Golden Hour Lightroom Presets", url: "https://northwind.example/shop/golden-hour-presets", clicks: 287 },
  { title: "Book a 1:1 content strategy call", url: "https://northwind.example/book", clicks: 96 },
  { title: "Latest video: editing a reel in 15 minutes", url: "https://youtube.example/@NorthwindStudio", clicks: 203 },
  { title: "Join the newsletter", url: "https://northwind.example/newsletter", clicks: 129 },
];

export function demoLinkInBioPage({ studio }: DemoWorkspaces["workspaces"]): NewLinkInBioPage {
  return {
    id: uuidv7(),
    workspace_id: studio.id,
    title: "Maya Chen · Northwind Studio",
    slug: "mayachen",
    bio: "Photographer and content strategist helping small brands tell better stories. New course out now ↓",
    theme: {
      background_color: "#FDF8F3",
      text_color: "#1F2933",
      button_color: "#4F46E5",
      button_text_color: "#FFFFFF",
      button_style: "rounded",
      font: "Inter",
    },
    links: links.map((link, position) => ({ id: uuidv7(), type: "link", position, is_active: true, ...link })),
    is_active: true,
    total_views: 3842,
    total_clicks: links.reduce((sum, link) => sum + link.clicks, 0),
    seo_title: "Maya Chen — photography, video and content strategy",
    seo_description: "Courses, presets and 1:1 calls from Maya Chen of Northwind Creative Studio.",
  };
}
