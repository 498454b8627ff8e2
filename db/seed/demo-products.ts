// A few store products of the kinds creators sell: a digital download, a physical item
// with stock and shipping weight, and a bookable service with limited slots.
import type { Tables } from "../database";
import { uuidv7 } from "../uuidv7";
import type { DemoUsers } from "./demo-users";
import type { DemoWorkspaces } from "./demo-workspaces";

type NewProduct = Tables["products"]["$inferInsert"];

export function demoProducts(users: DemoUsers, { studio }: DemoWorkspaces["workspaces"]): NewProduct[] {
  const products: Omit<NewProduct, "id">[] = [
    {
      workspace_id: studio.id,
      name: "Golden Hour Lightroom Presets",
      slug: "golden-hour-lightroom-presets",
      description:
        "Twelve warm, film-inspired presets for Lightroom mobile and desktop, with a short video on adjusting them.",
      price: "19.00",
      compare_price: "29.00",
      currency: "USD",
      stock: 0,
      // A download never runs out.
      track_inventory: false,
      status: "active",
      images: [],
      category: "Digital downloads",
      tags: ["presets", "lightroom", "photography"],
      seo_title: "Golden Hour Lightroom Presets by Northwind Studio",
      seo_description: "Warm, film-inspired presets for Lightroom mobile and desktop.",
      created_by: users.owner.id,
    },
    {
      workspace_id: studio.id,
      name: "Creator Content Planner 2026",
      slug: "creator-content-planner-2026",
      description: "A dated A5 planner with monthly content calendars, pillar worksheets and analytics review pages.",
      price: "34.00",
      currency: "USD",
      stock: 120,
      track_inventory: true,
      status: "active",
      images: [],
      category: "Print",
      tags: ["planner", "stationery"],
      weight: "0.45",
      dimensions: { length: 21, width: 14.8, height: 2, unit: "cm" },
      created_by: users.owner.id,
    },
    {
      workspace_id: studio.id,
      name: "1:1 Content Strategy Call (60 min)",
      slug: "content-strategy-call",
      description: "An hour on video reviewing your account, with a written action plan sent within two days.",
      price: "150.00",
      currency: "USD",
      // Stock is the number of open call slots this month.
      stock: 8,
      track_inventory: true,
      status: "active",
      images: [],
      category: "Services",
      tags: ["coaching", "strategy"],
      created_by: users.daniel.id,
    },
  ];
  return products.map((product) => ({ id: uuidv7(), ...product }));
}
