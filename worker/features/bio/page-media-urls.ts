import { ownMediaUrl } from "./render-bio-page";

/** The page's own uploaded images: the only addresses its custom CSS may name in url(). */
export const pageMediaUrls = (page: { id: string; profile_picture: string | null; background_image: string | null }) =>
  [ownMediaUrl(page.profile_picture, page.id), ownMediaUrl(page.background_image, page.id)].filter(
    (url): url is string => url !== null,
  );
