import { Image as KonvaImage } from "react-konva";
import { shapeAttrs } from "@/domain/design/shapeAttrs";
import { CHECKERED, checkerboardTile } from "../../images/checkerboard";
import { useLoadedImage } from "../../images/useLoadedImage";
import type { ShapeViewProps } from "../shapeView";

/**
 * A grey box until it loads; a checkerboard behind its transparent pixels on a free artboard. On a
 * product they show the garment's colour, which is what will be seen there.
 */
export function ImageView({ shape: s, common, checkerboard }: ShapeViewProps) {
  const loaded = useLoadedImage(s.src);
  const checkered = checkerboard && !!loaded?.transparent;
  return (
    <KonvaImage
      {...shapeAttrs(s).attrs}
      {...common}
      image={loaded?.image}
      fill={loaded ? undefined : "#f1f3f5"}
      fillPatternImage={checkered ? (checkerboardTile() as unknown as HTMLImageElement) : undefined}
      {...{ [CHECKERED]: checkered }}
    />
  );
}
