import { describe, expect, it } from "vitest";
import { parseAvailability } from "../../../src/catalog/availability";

describe("parseAvailability", () => {
  it.each([
    ["http://schema.org/InStock", "in_stock"],
    ["https://schema.org/InStock", "in_stock"],
    ["InStock", "in_stock"],
    ["in stock", "in_stock"],
    ["in_stock", "in_stock"],
    ["instock", "in_stock"],
    ["https://schema.org/LimitedAvailability", "in_stock"],
    [true, "in_stock"],
    ["OutOfStock", "out_of_stock"],
    ["http://schema.org/OutOfStock", "out_of_stock"],
    ["OOS", "out_of_stock"],
    ["https://schema.org/MadeToOrder", "backorder"],
    ["out of stock", "out_of_stock"],
    ["SoldOut", "out_of_stock"],
    ["Discontinued", "out_of_stock"],
    [false, "out_of_stock"],
    ["PreOrder", "preorder"],
    ["https://schema.org/PreSale", "preorder"],
    ["preorder", "preorder"],
    ["BackOrder", "backorder"],
    ["backorder", "backorder"],
  ])("reads %j as %j", (input, expected) => {
    expect(parseAvailability(input)).toBe(expected);
  });

  it.each([["maybe"], [""], [null], [1], [{}]])("knows nothing from %j", (input) => {
    expect(parseAvailability(input)).toBeUndefined();
  });
});
