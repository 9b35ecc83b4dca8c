"use client";

import type { AssetProvenance } from "@/domain/provenance";
import { useAssetProvenance } from "../../assets/useAssetProvenance";
import { ElementLicense } from "../elements/ElementLicense";
import { ImageCrop } from "../ImageCrop";
import { ProvenanceInspector } from "../ProvenanceInspector";
import type { DocumentWriter } from "../store/documentWriter";
import type { Shape } from "../store/shapeTypes";
import { MakePrintReady } from "./MakePrintReady";
import { useLoadedImage } from "./useLoadedImage";

type Props = { canvasId: string; writer: DocumentWriter; shape: Shape; readOnly: boolean; onReuse?: (p: AssetProvenance) => void };

/**
 * One selected image: its crop, print-readiness and how it was made. Provenance comes from the
 * server by the asset the image shows, never from what a collaborator wrote into the document.
 */
export function ImageDetails({ canvasId, writer, shape, readOnly, onReuse }: Props) {
  const { provenance, generated } = useAssetProvenance(canvasId, shape.src);
  const loaded = useLoadedImage(shape.src);
  return (
    <>
      <ImageCrop writer={writer} shape={shape} readOnly={readOnly} />
      <ElementLicense src={shape.src} />
      {!readOnly && loaded && (
        <MakePrintReady canvasId={canvasId} shape={shape} printReady={provenance?.printReady ?? null} naturalWidth={loaded.image.naturalWidth} naturalHeight={loaded.image.naturalHeight} />
      )}
      {provenance && generated && <ProvenanceInspector provenance={provenance} onReuse={readOnly ? undefined : onReuse} />}
    </>
  );
}
