-- AlterEnum
ALTER TYPE "StaffRole" ADD VALUE 'SUPPORT';

