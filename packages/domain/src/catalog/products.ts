import { type Prisma } from "@cm/db";
import type { DomainDeps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import type { Page } from "../schemas/common.ts";
import type { ListProductsInput, ProductInput } from "../schemas/catalog.ts";
import { productSelect, slugify, toProduct, type ProductDto } from "./product-dto.ts";
import { paginate } from "../shared/paginate.ts";
import { containsText, equalsIgnoringCase } from "../shared/text-match.ts";

type Tx = Prisma.TransactionClient;

export async function listProducts(deps: DomainDeps, input: ListProductsInput): Promise<Page<ProductDto>> {
  const where: Prisma.ProductWhereInput = {
    ...(input.categoryId ? { categoryId: input.categoryId } : {}),
    ...(input.productTypeId ? { productTypeId: input.productTypeId } : {}),
    ...(input.published === undefined ? {} : { published: input.published }),
    ...(input.search ? { OR: [{ name: containsText(input.search) }, { sku: containsText(input.search) }] } : {}),
  };
  return paginate(input, {
    count: () => deps.db.product.count({ where }),
    rows: (window) =>
      deps.db.product.findMany({ where, select: productSelect, orderBy: [{ name: "asc" }, { id: "asc" }], ...window }),
    map: toProduct,
  });
}

export async function getProduct(deps: DomainDeps, id: string): Promise<ProductDto> {
  const row = await deps.db.product.findUnique({ where: { id }, select: productSelect });
  if (!row) throw notFound("The product");
  return toProduct(row);
}

export async function createProduct(deps: DomainDeps, input: ProductInput): Promise<ProductDto> {
  const id = await deps.db.$transaction(async (tx) => {
    await checkReferences(tx, input);
    await assertSkuFree(tx, input.sku);
    const product = await tx.product.create({
      data: { ...productColumns(input), slug: await freeSlug(tx, input.name), prices: { create: input.prices } },
      select: { id: true },
    });
    if (input.published) await appendToGroup(tx, product.id);
    return product.id;
  });
  return getProduct(deps, id);
}

export async function updateProduct(deps: DomainDeps, input: ProductInput & { id: string }): Promise<ProductDto> {
  await deps.db.$transaction(async (tx) => {
    const existing = await tx.product.findUnique({ where: { id: input.id }, select: { id: true, name: true } });
    if (!existing) throw notFound("The product");
    await checkReferences(tx, input);
    await assertSkuFree(tx, input.sku, input.id);
    await tx.product.update({
      where: { id: input.id },
      data: {
        ...productColumns(input),
        ...(existing.name === input.name ? {} : { slug: await freeSlug(tx, input.name, input.id) }),
      },
    });
    await tx.productPrice.deleteMany({ where: { productId: input.id } });
    await tx.productPrice.createMany({ data: input.prices.map((price) => ({ ...price, productId: input.id })) });
    if (input.published) await appendToGroup(tx, input.id);
  });
  return getProduct(deps, input.id);
}

export async function setProductPublished(
  deps: DomainDeps,
  input: { id: string; published: boolean },
): Promise<ProductDto> {
  await deps.db.$transaction(async (tx) => {
    const { count } = await tx.product.updateMany({ where: { id: input.id }, data: { published: input.published } });
    if (count === 0) throw notFound("The product");
    if (input.published) await appendToGroup(tx, input.id);
  });
  return getProduct(deps, input.id);
}

function productColumns(input: ProductInput) {
  return {
    productTypeId: input.productTypeId,
    sku: input.sku,
    name: input.name,
    description: input.description,
    licenseCoverage: input.licenseCoverage,
    taxCategory: input.taxCategory,
    categoryId: input.categoryId ?? null,
    published: input.published,
    expireDaysOverride: input.expireDaysOverride ?? null,
    validityDaysOverride: input.validityDaysOverride ?? null,
  };
}

async function checkReferences(tx: Tx, input: ProductInput): Promise<void> {
  if (!(await tx.productType.findUnique({ where: { id: input.productTypeId }, select: { id: true } }))) {
    throw new DomainError(
      "INVALID",
      "Choose a BitTitan product type (import the services definition first)",
      "productTypeId",
    );
  }
  if (input.categoryId && !(await tx.category.findUnique({ where: { id: input.categoryId }, select: { id: true } }))) {
    throw new DomainError("INVALID", "That category does not exist", "categoryId");
  }
}

async function assertSkuFree(tx: Tx, sku: string, exceptId?: string): Promise<void> {
  const clash = await tx.product.findFirst({
    where: { sku: equalsIgnoringCase(sku), ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw new DomainError("CONFLICT", `Another product already uses SKU ${sku}`, "sku");
}

async function freeSlug(tx: Tx, name: string, exceptId?: string): Promise<string> {
  const base = slugify(name);
  for (let attempt = 1; ; attempt += 1) {
    const slug = attempt === 1 ? base : `${base}-${attempt}`;
    const taken = await tx.product.findFirst({
      where: { slug, ...(exceptId ? { id: { not: exceptId } } : {}) },
      select: { id: true },
    });
    if (!taken) return slug;
  }
}

/** Publishing puts a product at the end of the Product Group unless it is already in it. */
async function appendToGroup(tx: Tx, productId: string): Promise<void> {
  if (await tx.productGroupEntry.findUnique({ where: { productId }, select: { productId: true } })) return;
  const last = await tx.productGroupEntry.aggregate({ _max: { position: true } });
  await tx.productGroupEntry.create({ data: { productId, position: (last._max.position ?? 0) + 1 } });
}
