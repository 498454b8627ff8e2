// One published course with modules and lessons, the first lesson free as a preview.
import type { Tables } from "../database";
import { uuidv7 } from "../uuidv7";
import type { DemoUsers } from "./demo-users";
import type { DemoWorkspaces } from "./demo-workspaces";

type NewCourse = Tables["courses"]["$inferInsert"] & { id: string };
type NewModule = Tables["courseModules"]["$inferInsert"] & { id: string };
type NewLesson = Tables["courseLessons"]["$inferInsert"];

export type DemoCourse = { course: NewCourse; modules: NewModule[]; lessons: NewLesson[] };

const outline = [
  {
    title: "Finding your voice",
    description: "Decide who you are talking to and what you will keep talking about.",
    lessons: [
      [
        "Welcome and how this course works",
        6,
        "What you'll make by the end, and how to get the most from each lesson.",
      ],
      [
        "Defining your niche and audience",
        14,
        "A one-page exercise that names the person you create for and the problem you solve.",
      ],
      ["Writing your content pillars", 18, "Three to five themes you can post about for a year without running dry."],
    ],
  },
  {
    title: "Shooting and editing on a phone",
    description: "Good light, steady framing and an editing routine that takes minutes, not hours.",
    lessons: [
      [
        "Light, framing and composition",
        22,
        "Window light, the rule of thirds, and the three angles that flatter any product.",
      ],
      ["An editing workflow in 15 minutes", 19, "One preset, four adjustments and a consistent look across the grid."],
      [
        "Short-form video that holds attention",
        25,
        "Hooks in the first second, jump cuts, captions and a clear ending.",
      ],
    ],
  },
  {
    title: "Growing and earning",
    description: "Turn a posting habit into an audience, and an audience into income.",
    lessons: [
      [
        "Scheduling a month of posts",
        16,
        "Batch-create on one day and let the scheduler publish the rest of the month.",
      ],
      [
        "Turning followers into subscribers",
        20,
        "A link-in-bio page and a welcome email that convert passive followers.",
      ],
      [
        "Launching your first digital product",
        24,
        "Pick something small, price it, and announce it to the list you built.",
      ],
    ],
  },
] as const;

export function demoCourse(users: DemoUsers, { studio }: DemoWorkspaces["workspaces"]): DemoCourse {
  const course: NewCourse = {
    id: uuidv7(),
    workspace_id: studio.id,
    title: "Content Creation Fundamentals",
    slug: "content-creation-fundamentals",
    description:
      "A practical course for small-business owners and new creators: plan, shoot, edit and schedule a month of content with nothing but a phone.",
    price: "49.00",
    currency: "USD",
    status: "published",
    difficulty_level: "beginner",
    requirements:
      "A smartphone with a camera.\nAn Instagram, TikTok or YouTube account (new is fine).\nAbout two hours a week.",
    what_you_learn:
      "Define your niche and content pillars.\nShoot and edit professional-looking photos and video on a phone.\nPlan and schedule a month of posts in one afternoon.\nGrow an email list and launch a first digital product.",
    created_by: users.owner.id,
  };

  const modules: NewModule[] = [];
  const lessons: NewLesson[] = [];
  for (const [moduleIndex, part] of outline.entries()) {
    const module: NewModule = {
      id: uuidv7(),
      course_id: course.id,
      title: part.title,
      description: part.description,
      order_index: moduleIndex + 1,
    };
    modules.push(module);
    for (const [lessonIndex, [title, minutes, summary]] of part.lessons.entries()) {
      lessons.push({
        id: uuidv7(),
        course_id: course.id,
        module_id: module.id,
        title,
        description: summary,
        content: `<h2>${title}</h2>\n<p>${summary}</p>\n<p>Watch the video, then do the exercise below before moving on.</p>\n<h3>Exercise</h3>\n<p>Spend ten minutes applying this lesson to your own account and note one thing you will change this week.</p>`,
        duration_minutes: minutes,
        order_index: lessonIndex + 1,
        is_free: moduleIndex === 0 && lessonIndex === 0,
      });
    }
  }
  course.duration_minutes = lessons.reduce((sum, lesson) => sum + (lesson.duration_minutes ?? 0), 0);

  return { course, modules, lessons };
}
