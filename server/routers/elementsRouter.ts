import { z } from "zod";
import { ELEMENT_LICENSES, ELEMENT_SOURCES } from "@/domain/elements/elementSource";
import { searchElements } from "../services/elements/elementLibrary";
import { NAME_LOCALES } from "../services/elements/emojiNames";
import { authedProcedure, router } from "../trpc/init";

const elementOut = z.object({
  id: z.string(),
  name: z.string(),
  source: z.enum(ELEMENT_SOURCES),
  license: z.enum(ELEMENT_LICENSES),
  url: z.string(),
  /** The artwork's proportions (its viewBox), for placing it undistorted. */
  width: z.number(),
  height: z.number(),
});

export const elementsRouter = router({
  /** Library art matching an English or Korean word, named in `locale`; an empty query gives a popular set. */
  search: authedProcedure
    .input(
      z.object({
        query: z.string().max(100, "must be at most 100 characters"),
        locale: z.enum(NAME_LOCALES).optional(),
        limit: z.number().int().min(1).max(100).optional(),
        source: z.enum(ELEMENT_SOURCES).optional(),
      }),
    )
    .output(z.array(elementOut))
    .query(({ input }) => searchElements(input)),
});
